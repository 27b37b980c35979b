using Affiliates.Kinds;

namespace Affiliates.Programs;

/// <summary>Checks terms before they are published, collecting every problem.</summary>
internal static class TermsValidation
{
    private const int MaxWindowDays = 3660;

    public static List<string> Problems(ProgramTerms terms)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(terms.Kind))
        {
            problems.Add($"{nameof(terms.Kind)} {terms.Kind} is not defined");
        }

        if (!Enum.IsDefined(terms.BindingPolicy))
        {
            problems.Add($"{nameof(terms.BindingPolicy)} {terms.BindingPolicy} is not defined");
        }

        if (!Enum.IsDefined(terms.TierMetric))
        {
            problems.Add($"{nameof(terms.TierMetric)} {terms.TierMetric} is not defined");
        }

        if (!Enum.IsDefined(terms.Epochs))
        {
            problems.Add($"{nameof(terms.Epochs)} {terms.Epochs} is not defined");
        }

        CheckRange(problems, nameof(terms.KickbackRange), terms.KickbackRange);
        CheckRange(problems, nameof(terms.AffiliateFeeRange), terms.AffiliateFeeRange);
        for (int i = 1; i < terms.MultiplierLadder.Count; i++)
        {
            if (terms.MultiplierLadder[i].Above <= terms.MultiplierLadder[i - 1].Above)
            {
                problems.Add($"{nameof(terms.MultiplierLadder)} thresholds must strictly increase (step {i})");
            }
        }

        if (terms.MultiplierLadder.Any(step => step.Above.IsNegative))
        {
            problems.Add($"{nameof(terms.MultiplierLadder)} thresholds must not be negative");
        }

        for (int i = 1; i < terms.Tiers.Count; i++)
        {
            if (terms.Tiers[i].AtLeast <= terms.Tiers[i - 1].AtLeast)
            {
                problems.Add($"{nameof(terms.Tiers)} lower bounds must strictly increase (tier {i})");
            }
        }

        if (terms.Tiers.Any(tier => string.IsNullOrWhiteSpace(tier.Name)))
        {
            problems.Add($"{nameof(terms.Tiers)} need names");
        }

        if (!CodeRules.IsValidPattern(terms.CodePattern ?? string.Empty) || string.IsNullOrEmpty(terms.CodePattern))
        {
            problems.Add($"{nameof(terms.CodePattern)} is not a valid regular expression");
        }

        if (terms.CodeCooldown < NodaTime.Duration.Zero)
        {
            problems.Add($"{nameof(terms.CodeCooldown)} must not be negative");
        }

        if (!IsWholeDays(terms.AttributionWindow))
        {
            problems.Add($"{nameof(terms.AttributionWindow)} must be a whole number of days from 1 to {MaxWindowDays}");
        }

        if (terms.MinimumPayout.IsNegative)
        {
            problems.Add($"{nameof(terms.MinimumPayout)} must not be negative");
        }

        if (terms.PayoutAsset is null)
        {
            problems.Add($"{nameof(terms.PayoutAsset)} is required");
        }

        if (Enum.IsDefined(terms.Kind))
        {
            ProgramRules.For(terms.Kind).Validate(terms, problems);
        }

        return problems;
    }

    /// <summary>Returns the problems of <paramref name="next"/> as the successor of <paramref name="current"/>, its own included.</summary>
    /// <remarks>
    /// The kind, the asset and the epoch calendar are the registry's for good: amounts already booked are in that
    /// asset, and epochs already closed are on that calendar, so changing them would relabel amounts or reshape
    /// settled epochs. A registry that must change them is a new registry.
    /// </remarks>
    public static List<string> SuccessorProblems(ProgramTerms current, ProgramTerms next)
    {
        List<string> problems = Problems(next);
        if (next.Kind != current.Kind)
        {
            problems.Add($"{nameof(next.Kind)} cannot change from {current.Kind} to {next.Kind}");
        }

        if (next.PayoutAsset is not null && !next.PayoutAsset.Equals(current.PayoutAsset))
        {
            problems.Add($"{nameof(next.PayoutAsset)} cannot change from {current.PayoutAsset} to {next.PayoutAsset}: booked amounts are in {current.PayoutAsset}");
        }

        if (next.Epochs != current.Epochs)
        {
            problems.Add($"{nameof(next.Epochs)} cannot change from {current.Epochs} to {next.Epochs}: epochs close in order on one calendar");
        }

        return problems;
    }

    /// <summary>Returns the window in whole days (validated terms only).</summary>
    public static int WindowDays(ProgramTerms terms) => (int)terms.AttributionWindow.Days;

    private static bool IsWholeDays(NodaTime.Duration window) =>
        window.Days >= 1 && window.Days <= MaxWindowDays && window == NodaTime.Duration.FromDays(window.Days);

    private static void CheckRange(List<string> problems, string name, RateRange? range)
    {
        if (range is null || range.Minimum > range.Maximum)
        {
            problems.Add($"{name} minimum must not exceed maximum");
        }
    }
}
