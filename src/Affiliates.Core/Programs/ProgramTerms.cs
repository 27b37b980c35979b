using NodaTime;

namespace Affiliates.Programs;

/// <summary>One immutable version of a registry's terms.</summary>
/// <remarks>
/// Terms change forward only: a binding records the version in force when it was made, and every event attributed
/// through that binding is split with that version's rates, ladder and ranges, even after the admin publishes a new
/// version. Partner settings (kickback, affiliate fee) are still checked against the binding's version's ranges.
/// </remarks>
/// <param name="RegistryId">The registry.</param>
/// <param name="Version">The version number, 1 for the first terms, increasing by one per admin change.</param>
/// <param name="EffectiveFrom">When this version took effect.</param>
/// <param name="Kind">Fee share (split at fee time) or revenue share (commission at settlement).</param>
/// <param name="DefaultReferralFee">The partner's share of the protocol fee before the multiplier, unless overridden per code.</param>
/// <param name="MultiplierLadder">Multipliers by the code's trailing revenue; empty means ×1.</param>
/// <param name="KickbackRange">The kickback to users partners may choose.</param>
/// <param name="AffiliateFeeRange">The affiliate fee on top of the notional partners may choose.</param>
/// <param name="CodePattern">The regular expression an upper-cased code must match in full.</param>
/// <param name="ReservedCodes">Upper-cased codes nobody may create.</param>
/// <param name="CodeCooldown">How long a retired code stays unavailable before it may be created again.</param>
/// <param name="AttributionWindow">How long a click's attribution token stays valid, and the trailing window of the multiplier.</param>
/// <param name="BindingPolicy">Whether a bound user may replace or remove their code.</param>
/// <param name="AllowSelfReferral">Whether a code's owner or payment address may be referred by it.</param>
/// <param name="NewUsersOnly">Whether only users with no earlier events in the registry may be bound.</param>
/// <param name="TierMetric">What tiers are measured by (revenue share).</param>
/// <param name="Tiers">Commission tiers (revenue share), ascending by lower bound; empty for fee share.</param>
/// <param name="TiersNeverDowngrade">Whether a partner keeps the highest tier reached.</param>
/// <param name="Epochs">The settlement calendar.</param>
/// <param name="MinimumPayout">Commission below this is carried over rather than paid.</param>
/// <param name="PayoutAsset">The asset amounts are accounted and paid in.</param>
public sealed record ProgramTerms(
    string RegistryId,
    int Version,
    Instant EffectiveFrom,
    ProgramKind Kind,
    Rate DefaultReferralFee,
    IReadOnlyList<MultiplierStep> MultiplierLadder,
    RateRange KickbackRange,
    RateRange AffiliateFeeRange,
    string CodePattern,
    IReadOnlyList<string> ReservedCodes,
    Duration CodeCooldown,
    Duration AttributionWindow,
    BindingPolicy BindingPolicy,
    bool AllowSelfReferral,
    bool NewUsersOnly,
    TierMetric TierMetric,
    IReadOnlyList<TierStep> Tiers,
    bool TiersNeverDowngrade,
    EpochCadence Epochs,
    Amount MinimumPayout,
    Asset PayoutAsset);
