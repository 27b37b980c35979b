namespace Affiliates.Tiers;

/// <summary>The tier ladders of the programs Affiliates models as presets.</summary>
public static class TierPresets
{
    /// <summary>Lamports in 50 SOL, where Tier 2 starts.</summary>
    public static readonly Int128 Tier2ThresholdLamports = 50_000_000_000;

    /// <summary>
    /// Gets the subscription revenue-share ladder over lifetime attributed revenue in SOL lamports: Tier 1 earns 20 %
    /// from 0; Tier 2 earns 30 % from 50 SOL inclusive. Sticky: a partner never goes down.
    /// </summary>
    /// <remarks>Exactly 50 SOL is Tier 2; 49.999999999 SOL is Tier 1.</remarks>
    public static TierLadder SubscriptionRevenueShare { get; } = new(
        new Ladder<Tier>(
            LadderBoundary.InclusiveLowerBound,
            [
                new(0, new Tier("Tier 1", Rate.FromPercent(20))),
                new(Tier2ThresholdLamports, new Tier("Tier 2", Rate.FromPercent(30))),
            ]),
        neverDowngrade: true);

    /// <summary>
    /// Gets the community reseller ladder over new referrals in the month, inclusive lower bounds: Bronze 1–5 20 %,
    /// Silver 6–20 25 %, Gold 21–50 30 %, Platinum 51+ 35 %. Not sticky: the tier follows each month's count.
    /// </summary>
    /// <remarks>
    /// The source table says "Gold 21–50" and "Platinum 50+", which overlap at 50. With inclusive lower bounds the
    /// ladder reads Gold from 21 and Platinum from 51, so exactly 50 referrals is Gold. Zero referrals is below the
    /// first step: no tier.
    /// </remarks>
    public static TierLadder CommunityReseller { get; } = new(
        new Ladder<Tier>(
            LadderBoundary.InclusiveLowerBound,
            [
                new(1, new Tier("Bronze", Rate.FromPercent(20))),
                new(6, new Tier("Silver", Rate.FromPercent(25))),
                new(21, new Tier("Gold", Rate.FromPercent(30))),
                new(51, new Tier("Platinum", Rate.FromPercent(35))),
            ]),
        neverDowngrade: false);
}
