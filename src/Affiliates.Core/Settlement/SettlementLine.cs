using NodaTime;

namespace Affiliates.Settlement;

/// <summary>One ledger line a partner is settled on (a <see cref="Ledger.LedgerEntry"/> credited to the partner).</summary>
/// <param name="RegistryId">The registry the line belongs to.</param>
/// <param name="EventId">The event that produced the line.</param>
/// <param name="Sequence">The line's position within its event; (event id, sequence) identifies the line.</param>
/// <param name="OccurredAt">When the event happened; decides the epoch.</param>
/// <param name="Partner">The partner (the address the commission belongs to).</param>
/// <param name="Code">The partner code the line was attributed through.</param>
/// <param name="Asset">The asset of <paramref name="Amount"/>.</param>
/// <param name="Amount">
/// Attributed revenue for a revenue-share program, or the partner's commission (referral share, affiliate fee) for a
/// fee-share program. A clawback (refund) is a negative line, never an edit of the original.
/// </param>
public sealed record SettlementLine(
    string RegistryId,
    string EventId,
    int Sequence,
    Instant OccurredAt,
    string Partner,
    string Code,
    Asset Asset,
    Amount Amount);
