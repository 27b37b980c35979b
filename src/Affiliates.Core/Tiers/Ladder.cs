namespace Affiliates.Tiers;

/// <summary>
/// Immutable steps over an integer metric (base units of revenue, a count): the highest step whose threshold the
/// metric reaches applies.
/// </summary>
/// <typeparam name="TValue">What each step grants (a tier, a multiplier).</typeparam>
/// <remarks>
/// Thresholds are strictly increasing, so a higher metric never selects a lower step. Whether a threshold itself
/// belongs to its step is explicit data (<see cref="Boundary"/>). A metric below the first step selects nothing.
/// </remarks>
public sealed class Ladder<TValue>
{
    private readonly LadderStep<TValue>[] steps;

    /// <summary>Initializes a new instance of the <see cref="Ladder{TValue}"/> class.</summary>
    /// <param name="boundary">Whether a threshold belongs to its own step.</param>
    /// <param name="steps">The steps, thresholds strictly increasing.</param>
    /// <exception cref="ArgumentException"><paramref name="steps"/> is empty or its thresholds do not strictly increase.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="boundary"/> is not a defined value.</exception>
    public Ladder(LadderBoundary boundary, IEnumerable<LadderStep<TValue>> steps)
    {
        if (!Enum.IsDefined(boundary))
        {
            Preconditions.ThrowOutOfRange(nameof(boundary), boundary, "must be a defined boundary");
        }

        this.steps = [.. Preconditions.NotNull(steps)];
        if (this.steps.Length == 0)
        {
            throw new ArgumentException("A ladder needs at least one step.", nameof(steps));
        }

        for (int i = 1; i < this.steps.Length; i++)
        {
            if (this.steps[i].Threshold <= this.steps[i - 1].Threshold)
            {
                throw new ArgumentException(
                    $"Thresholds must strictly increase: step {i} ({this.steps[i].Threshold}) is not above step {i - 1} ({this.steps[i - 1].Threshold}).",
                    nameof(steps));
            }
        }

        Boundary = boundary;
    }

    /// <summary>Gets whether a threshold belongs to its own step.</summary>
    public LadderBoundary Boundary { get; }

    /// <summary>Gets the steps in increasing threshold order.</summary>
    public IReadOnlyList<LadderStep<TValue>> Steps => steps;

    /// <summary>Returns the index in <see cref="Steps"/> of the step that applies to <paramref name="metric"/>, or -1 below the first step.</summary>
    public int IndexOf(Int128 metric)
    {
        int low = 0;
        int high = steps.Length - 1;
        int found = -1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            if (Reaches(metric, steps[middle].Threshold))
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    /// <summary>Finds the step that applies to <paramref name="metric"/>.</summary>
    /// <returns>False when the metric is below the first step.</returns>
    public bool TryEvaluate(Int128 metric, out LadderStep<TValue> step)
    {
        int index = IndexOf(metric);
        step = index < 0 ? default : steps[index];
        return index >= 0;
    }

    /// <summary>Returns the step that applies to <paramref name="metric"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The metric is below the first step.</exception>
    public LadderStep<TValue> Evaluate(Int128 metric)
    {
        if (!TryEvaluate(metric, out LadderStep<TValue> step))
        {
            string comparison = Boundary == LadderBoundary.InclusiveLowerBound ? "at least" : "above";
            Preconditions.ThrowOutOfRange(nameof(metric), metric, $"must be {comparison} the first threshold {steps[0].Threshold}");
        }

        return step;
    }

    private bool Reaches(Int128 metric, Int128 threshold) =>
        Boundary == LadderBoundary.InclusiveLowerBound ? metric >= threshold : metric > threshold;
}
