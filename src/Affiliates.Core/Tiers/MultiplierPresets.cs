namespace Affiliates.Tiers;

/// <summary>Multiplier ladders of the programs Affiliates models as presets.</summary>
public static class MultiplierPresets
{
    /// <summary>
    /// Gets Rujira's referral-fee multiplier over a code's trailing 30-day revenue in <see cref="Asset.Usd"/> base units
    /// (micro-dollars), with exclusive lower bounds: &gt;0 ×1.00, &gt;100 USD ×1.25, &gt;500 USD ×1.50,
    /// &gt;2 500 USD ×1.75, &gt;12 500 USD ×2.00.
    /// </summary>
    /// <remarks>
    /// Exactly 100 USD is still ×1.00 and 100.000001 USD is ×1.25. A revenue of 0 (or a net negative one after refunds)
    /// has no step; <see cref="TrailingRevenueMultiplier"/> reads that as ×1.00.
    /// </remarks>
    public static Ladder<Multiplier> RujiraTrailingRevenue { get; } = new(
        LadderBoundary.ExclusiveLowerBound,
        [
            new(0, Multiplier.One),
            new(Usd(100), Multiplier.FromMillionths(1_250_000)),
            new(Usd(500), Multiplier.FromMillionths(1_500_000)),
            new(Usd(2_500), Multiplier.FromMillionths(1_750_000)),
            new(Usd(12_500), Multiplier.FromMillionths(2_000_000)),
        ]);

    /// <summary>Returns the Rujira multiplier for a code's trailing 30-day revenue in micro-dollars.</summary>
    /// <remarks>
    /// A code with no trailing revenue (0 or below, e.g. a brand-new code) gets ×1.00, the same as the first step:
    /// the multiplier is a bonus on top of the referral fee, and ×0 would deny a new code the fee on the very trade
    /// that would give it its first revenue.
    /// </remarks>
    public static Multiplier TrailingRevenueMultiplier(Amount trailingRevenue) =>
        RujiraTrailingRevenue.TryEvaluate(trailingRevenue.Units, out LadderStep<Multiplier> step) ? step.Value : Multiplier.One;

    private static Int128 Usd(long dollars) => Asset.Usd.Whole(dollars).Units;
}
