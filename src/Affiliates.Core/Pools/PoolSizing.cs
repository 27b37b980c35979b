namespace Affiliates.Pools;

/// <summary>
/// How large an epoch's reward pool is: a minimum during the first epochs plus a reward per step of eligible score.
/// </summary>
/// <remarks>
/// pool = (epoch index &lt; <see cref="MinimumEpochs"/> ? <see cref="Minimum"/> : 0)
/// + floor(eligible score / <see cref="ScorePerStep"/>) × <see cref="RewardPerStep"/>. Score below a whole step earns
/// nothing; the truncation favours the pool. A program that spends a fixed total instead caps each epoch's pool with
/// <see cref="DrawFromAllocation"/>.
/// </remarks>
public sealed class PoolSizing
{
    /// <summary>Initializes a new instance of the <see cref="PoolSizing"/> class.</summary>
    /// <param name="minimum">The pool's floor while the epoch index is below <paramref name="minimumEpochs"/>.</param>
    /// <param name="minimumEpochs">How many epochs, counted from index 0, get the minimum.</param>
    /// <param name="rewardPerStep">The reward added per whole step of eligible score.</param>
    /// <param name="scorePerStep">The score in one step (for example 1 000 USD in micro-dollars).</param>
    /// <exception cref="ArgumentOutOfRangeException">An amount or count is negative, or <paramref name="scorePerStep"/> is not positive.</exception>
    public PoolSizing(Amount minimum, int minimumEpochs, Amount rewardPerStep, Int128 scorePerStep)
    {
        Preconditions.NotNegative(minimum.Units, nameof(minimum));
        Preconditions.NotNegative(minimumEpochs);
        Preconditions.NotNegative(rewardPerStep.Units, nameof(rewardPerStep));
        if (scorePerStep <= 0)
        {
            Preconditions.ThrowOutOfRange(nameof(scorePerStep), scorePerStep, "must be positive");
        }

        Minimum = minimum;
        MinimumEpochs = minimumEpochs;
        RewardPerStep = rewardPerStep;
        ScorePerStep = scorePerStep;
    }

    /// <summary>
    /// Gets the CoW affiliate pool in COW base units (18 decimals): 50 000 COW in each of the first three monthly
    /// epochs plus 1 COW per 1 000 USD of eligible score (scores in <see cref="Asset.Usd"/> micro-dollars).
    /// </summary>
    /// <remarks>0.5 billion USD of score in the first month gives 50 000 + 500 000 = 550 000 COW.</remarks>
    public static PoolSizing CowAffiliate { get; } = new(Asset.Cow.Whole(50_000), 3, Asset.Cow.Whole(1), Asset.Usd.Whole(1_000).Units);

    /// <summary>Gets the minimum pool of the first epochs.</summary>
    public Amount Minimum { get; }

    /// <summary>Gets how many epochs, from index 0, get the minimum.</summary>
    public int MinimumEpochs { get; }

    /// <summary>Gets the reward per whole step of eligible score.</summary>
    public Amount RewardPerStep { get; }

    /// <summary>Gets the score in one step.</summary>
    public Int128 ScorePerStep { get; }

    /// <summary>Returns the pool of the epoch with 0-based <paramref name="epochIndex"/> for <paramref name="eligibleScore"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index or the score is negative.</exception>
    /// <exception cref="OverflowException">The pool does not fit in an <see cref="Amount"/>.</exception>
    public Amount PoolFor(int epochIndex, Int128 eligibleScore)
    {
        Preconditions.NotNegative(epochIndex);
        Preconditions.NotNegative(eligibleScore);
        Amount minimum = epochIndex < MinimumEpochs ? Minimum : Amount.Zero;
        return minimum + Amount.FromUnits(eligibleScore / ScorePerStep * RewardPerStep.Units);
    }

    /// <summary>
    /// Takes an epoch's pool from a fixed total allocation: the computed pool, but never more than what remains.
    /// </summary>
    /// <param name="computed">The pool the epoch would get without the allocation limit.</param>
    /// <param name="remaining">What is left of the allocation before this epoch.</param>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative.</exception>
    public static PoolDraw DrawFromAllocation(Amount computed, Amount remaining)
    {
        Preconditions.NotNegative(computed.Units, nameof(computed));
        Preconditions.NotNegative(remaining.Units, nameof(remaining));
        Amount pool = Amount.Min(computed, remaining);
        return new PoolDraw(pool, remaining - pool, computed - pool);
    }
}
