using System.Collections.Frozen;
using Affiliates.Programs;
using Affiliates.Tiers;

namespace Affiliates.Settlement;

/// <summary>The program terms an epoch is settled under.</summary>
/// <remarks>
/// The epoch's terms (the version in force when the epoch started) decide the minimum payout and the tier named on
/// statements. Each line is priced under its own terms version (<see cref="Versions"/>): the one its binding recorded,
/// so a change of terms applies forward only.
/// </remarks>
/// <param name="Kind">Revenue share (commission = tier rate × attributed revenue) or fee share (referral fee × multiplier, kickback).</param>
/// <param name="PayoutAsset">The asset every line, balance and payout is in.</param>
/// <param name="MinimumPayout">A balance is paid only when it reaches this; below it, it carries over. Zero pays any positive balance.</param>
/// <param name="Dust">When a balance that stays below the minimum is swept to the protocol.</param>
/// <param name="Tiers">The epoch's tier ladder; required for <see cref="ProgramKind.RevenueShare"/>, ignored for fee share.</param>
/// <param name="TierMetric">What the ladder is measured over.</param>
public sealed record SettlementTerms(
    ProgramKind Kind,
    Asset PayoutAsset,
    Amount MinimumPayout,
    DustRule Dust,
    TierLadder? Tiers = null,
    TierMetric TierMetric = TierMetric.LifetimeRevenue)
{
    /// <summary>Gets the program kind.</summary>
    public ProgramKind Kind { get; } = Enum.IsDefined(Kind)
        ? Kind
        : throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Kind must be a defined program kind.");

    /// <summary>Gets the payout asset.</summary>
    public Asset PayoutAsset { get; } = Preconditions.NotNull(PayoutAsset);

    /// <summary>Gets the minimum payout.</summary>
    public Amount MinimumPayout { get; } = MinimumPayout.IsNegative
        ? throw new ArgumentOutOfRangeException(nameof(MinimumPayout), MinimumPayout, "MinimumPayout must not be negative.")
        : MinimumPayout;

    /// <summary>Gets the dust rule.</summary>
    public DustRule Dust { get; } = Preconditions.NotNull(Dust);

    /// <summary>Gets the tier ladder.</summary>
    public TierLadder? Tiers { get; } = Kind == ProgramKind.RevenueShare && Tiers is null
        ? throw new ArgumentException("A revenue-share program needs a tier ladder.", nameof(Tiers))
        : Tiers;

    /// <summary>Gets the metric the tier ladder is measured over.</summary>
    public TierMetric TierMetric { get; } = Enum.IsDefined(TierMetric)
        ? TierMetric
        : throw new ArgumentOutOfRangeException(nameof(TierMetric), TierMetric, "TierMetric must be a defined metric.");

    /// <summary>Gets how each terms version prices its lines; a version absent here is priced with <see cref="Tiers"/> and no multiplier.</summary>
    public IReadOnlyDictionary<int, TermsPricing> Versions { get; init; } = FrozenDictionary<int, TermsPricing>.Empty;

    /// <summary>Returns how lines of terms version <paramref name="version"/> are priced.</summary>
    public TermsPricing PricingOf(int version) =>
        Versions.TryGetValue(version, out TermsPricing? pricing) ? pricing : new TermsPricing(Tiers, null, 1);

    /// <summary>Creates settlement terms from a registry's program terms.</summary>
    /// <remarks>The program's tier steps become a ladder with inclusive lower bounds, sticky when the terms say tiers never downgrade.</remarks>
    /// <param name="terms">The registry's terms in force for the epoch.</param>
    /// <param name="dust">The dust rule, which program terms do not carry.</param>
    public static SettlementTerms FromProgram(ProgramTerms terms, DustRule dust) => FromProgram(terms, dust, [Preconditions.NotNull(terms)]);

    /// <summary>Creates settlement terms for an epoch from the terms in force for it and every version its lines may be priced under.</summary>
    /// <param name="terms">The registry's terms in force for the epoch.</param>
    /// <param name="dust">The dust rule, which program terms do not carry.</param>
    /// <param name="versions">Every terms version of the registry.</param>
    public static SettlementTerms FromProgram(ProgramTerms terms, DustRule dust, IEnumerable<ProgramTerms> versions)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(versions);
        return new SettlementTerms(terms.Kind, terms.PayoutAsset, terms.MinimumPayout, dust, LadderOf(terms), terms.TierMetric)
        {
            Versions = versions.ToFrozenDictionary(
                v => v.Version,
                v => new TermsPricing(
                    LadderOf(v),
                    v.MultiplierLadder.Count == 0
                        ? null
                        : new Ladder<Multiplier>(LadderBoundary.ExclusiveLowerBound, v.MultiplierLadder.Select(step => new LadderStep<Multiplier>(step.Above.Units, step.Multiplier))),
                    (int)v.AttributionWindow.Days)),
        };
    }

    private static TierLadder? LadderOf(ProgramTerms terms) => terms.Tiers.Count == 0
        ? null
        : new TierLadder(
            new Ladder<Tier>(LadderBoundary.InclusiveLowerBound, terms.Tiers.Select(step => new LadderStep<Tier>(step.AtLeast.Units, new Tier(step.Name, step.Rate)))),
            terms.TiersNeverDowngrade);
}
