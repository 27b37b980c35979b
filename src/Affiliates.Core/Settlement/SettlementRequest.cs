using System.Collections.Frozen;
using NodaTime;

namespace Affiliates.Settlement;

/// <summary>Everything one epoch of one registry is settled from.</summary>
/// <param name="RegistryId">The registry being settled.</param>
/// <param name="Epoch">The epoch being settled.</param>
/// <param name="Terms">The terms in force.</param>
/// <param name="Lines">The entries booked in the epoch, in any order (late ones dated before it).</param>
/// <param name="SettledAt">When settlement runs; stamped on the payout intents only, never on statements.</param>
public sealed record SettlementRequest(
    string RegistryId,
    Epoch Epoch,
    SettlementTerms Terms,
    IReadOnlyList<SettlementLine> Lines,
    Instant SettledAt)
{
    /// <summary>Gets each payee's state after its previous statement; payees absent here start from <see cref="PartnerState.New"/>.</summary>
    public IReadOnlyDictionary<PayeeKey, PartnerState> PreviousStates { get; init; } = FrozenDictionary<PayeeKey, PartnerState>.Empty;

    /// <summary>Gets each partner's new referrals in the epoch (the tier metric of referral ladders); absent means zero.</summary>
    public IReadOnlyDictionary<string, int> Referrals { get; init; } = FrozenDictionary<string, int>.Empty;

    /// <summary>Gets the partners being closed this epoch: what they are owed is paid if it reaches the minimum, else swept as dust.</summary>
    public IReadOnlySet<string> ClosingPartners { get; init; } = FrozenSet<string>.Empty;

    /// <summary>
    /// Gets each code generation's attributed revenue per UTC day (refunds netted), over the trailing window before
    /// the epoch's lines, as booked up to the epoch's end: what fee-share multipliers are measured on.
    /// </summary>
    public IReadOnlyDictionary<(string Code, int Generation), IReadOnlyDictionary<LocalDate, Amount>> DailyRevenue { get; init; } =
        FrozenDictionary<(string Code, int Generation), IReadOnlyDictionary<LocalDate, Amount>>.Empty;

    /// <summary>Gets how each payment refunded in this epoch but settled in an earlier one was priced.</summary>
    public IReadOnlyDictionary<string, PaymentPricing> Payments { get; init; } = FrozenDictionary<string, PaymentPricing>.Empty;

    /// <summary>Gets the payment address in force for each code generation; a partner's payout goes to its codes' addresses.</summary>
    public IReadOnlyDictionary<(string Code, int Generation), string> PaymentAddresses { get; init; } =
        FrozenDictionary<(string Code, int Generation), string>.Empty;

    /// <summary>Gets where a partner is paid when none of its lines names an address (a carried balance alone); absent: the partner's own address.</summary>
    public IReadOnlyDictionary<string, string> DefaultAddresses { get; init; } = FrozenDictionary<string, string>.Empty;
}
