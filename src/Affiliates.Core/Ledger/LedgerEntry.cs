using NodaTime;

namespace Affiliates.Ledger;

/// <summary>One append-only line of the ledger: an amount booked to an account because of an event.</summary>
/// <remarks>
/// <para>
/// An attributed event books its revenue to the partner (the owner of the code) as one
/// <see cref="LedgerEntryKind.AttributedRevenue"/> entry, with what its price depends on (terms version, referral fee
/// and kickback in force), and any affiliate fee charged on top as an <see cref="LedgerEntryKind.AffiliateFee"/> entry.
/// What the partner and the user earn of it is decided when its epoch is settled. Revenue no code applied to is booked
/// to the protocol. A refund books its amount negated, mirroring the refunded event's revenue entry.
/// </para>
/// <para>
/// <see cref="BookedAt"/> decides the epoch the entry is settled in: the event's own time, or, for an event that arrived
/// after its epoch was closed, the start of the first open epoch (the entry is then late, and keeps its own time).
/// Entries are ordered by (<see cref="OccurredAt"/>, <see cref="EventId"/> ordinal, <see cref="Sequence"/>).
/// </para>
/// </remarks>
/// <param name="RegistryId">The registry.</param>
/// <param name="EventId">The event that produced the entry.</param>
/// <param name="Sequence">The entry's position within its event, from 0.</param>
/// <param name="OccurredAt">The event's time.</param>
/// <param name="Kind">What the entry books.</param>
/// <param name="Account">The partner (the code's owner) for attributed entries; "protocol" for protocol entries.</param>
/// <param name="Code">The attributed code, or <see langword="null"/> when none applied.</param>
/// <param name="CodeGeneration">The attributed code's generation, 0 when none.</param>
/// <param name="TermsVersion">The terms version the event is priced under, 0 when none applied.</param>
/// <param name="Amount">The booked amount; negative only for refunds.</param>
/// <param name="Outcome">Why the revenue went here.</param>
public sealed record LedgerEntry(
    string RegistryId,
    string EventId,
    int Sequence,
    Instant OccurredAt,
    LedgerEntryKind Kind,
    string Account,
    string? Code,
    int CodeGeneration,
    int TermsVersion,
    Amount Amount,
    FeeOutcome Outcome)
{
    /// <summary>The account of protocol entries.</summary>
    public const string ProtocolAccount = "protocol";

    /// <summary>Gets when the entry is booked: <see cref="OccurredAt"/>, or the start of the first open epoch when it arrived late.</summary>
    public Instant BookedAt { get; init; } = OccurredAt;

    /// <summary>Gets whether the entry was booked after its own epoch closed.</summary>
    public bool IsLate => BookedAt != OccurredAt;

    /// <summary>Gets the referred user (who receives the kickback), for attributed revenue.</summary>
    public string? User { get; init; }

    /// <summary>Gets the partner's share of the fee before the multiplier, in force when the event was booked (fee share).</summary>
    public Rate ReferralFee { get; init; }

    /// <summary>Gets the user's share of the referral fee, in force when the event was booked (fee share).</summary>
    public Rate Kickback { get; init; }

    /// <summary>Gets the refunded event, for the entries of a refund.</summary>
    public string? RefundOf { get; init; }
}
