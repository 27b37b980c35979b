using System.Collections.Frozen;
using NodaTime;

namespace Affiliates.Settlement;

/// <summary>Everything one epoch of one registry is settled from.</summary>
/// <param name="RegistryId">The registry being settled.</param>
/// <param name="Epoch">The epoch being settled.</param>
/// <param name="Terms">The terms in force.</param>
/// <param name="Lines">The partners' lines in the epoch, in any order.</param>
/// <param name="SettledAt">When settlement runs; stamped on the payout intents only, never on statements.</param>
public sealed record SettlementRequest(
    string RegistryId,
    Epoch Epoch,
    SettlementTerms Terms,
    IReadOnlyList<SettlementLine> Lines,
    Instant SettledAt)
{
    /// <summary>Gets each partner's state after its latest earlier statement; partners absent here start from <see cref="PartnerState.New"/>.</summary>
    public IReadOnlyDictionary<string, PartnerState> PreviousStates { get; init; } = FrozenDictionary<string, PartnerState>.Empty;

    /// <summary>Gets each partner's new referrals in the epoch (the tier metric of referral ladders); absent means zero.</summary>
    public IReadOnlyDictionary<string, int> Referrals { get; init; } = FrozenDictionary<string, int>.Empty;

    /// <summary>Gets the partners being closed this epoch: what they are owed is paid if it reaches the minimum, else swept as dust.</summary>
    public IReadOnlySet<string> ClosingPartners { get; init; } = FrozenSet<string>.Empty;
}
