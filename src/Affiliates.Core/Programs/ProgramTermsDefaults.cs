using NodaTime;

namespace Affiliates.Programs;

/// <summary>Starting points for a registry's terms; adjust them with <c>with { ... }</c>.</summary>
public static class ProgramTermsDefaults
{
    /// <summary>Gets the default attribution window: 30 days.</summary>
    public static Duration AttributionWindow { get; } = Duration.FromDays(30);

    /// <summary>Gets the default cool-down before a retired code may be created again: 90 days.</summary>
    public static Duration CodeCooldown { get; } = Duration.FromDays(90);

    /// <summary>Returns fee-share terms: 0 % referral fee, no multiplier, no kickback or affiliate fee allowed, codes <c>^[A-Z0-9_-]{3,20}$</c>, first-touch permanent, self-referral refused, weekly epochs.</summary>
    public static ProgramTerms FeeShare(Asset payoutAsset) => new(
        RegistryId: string.Empty,
        Version: 0,
        EffectiveFrom: Instant.MinValue,
        Kind: ProgramKind.FeeShare,
        DefaultReferralFee: Rate.Zero,
        MultiplierLadder: [],
        KickbackRange: RateRange.ZeroOnly,
        AffiliateFeeRange: RateRange.ZeroOnly,
        CodePattern: CodeRules.DefaultPattern,
        ReservedCodes: ["ADMIN", "AFFILIATES", "NULL", "NONE", "PROTOCOL", "REF", "ROOT", "SUPPORT"],
        CodeCooldown: CodeCooldown,
        AttributionWindow: AttributionWindow,
        BindingPolicy: BindingPolicy.FirstTouchPermanent,
        AllowSelfReferral: false,
        NewUsersOnly: false,
        TierMetric: TierMetric.LifetimeRevenue,
        Tiers: [],
        TiersNeverDowngrade: true,
        Epochs: EpochCadence.WeeklySunday,
        MinimumPayout: Amount.Zero,
        PayoutAsset: Preconditions.NotNull(payoutAsset));

    /// <summary>Returns revenue-share terms: as <see cref="FeeShare"/> with <see cref="ProgramKind.RevenueShare"/> and one tier earning <paramref name="rate"/>.</summary>
    public static ProgramTerms RevenueShare(Asset payoutAsset, Rate rate) => FeeShare(payoutAsset) with
    {
        Kind = ProgramKind.RevenueShare,
        Tiers = [new TierStep("Tier 1", Amount.Zero, rate)],
    };
}
