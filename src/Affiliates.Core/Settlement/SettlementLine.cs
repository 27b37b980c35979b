using NodaTime;

namespace Affiliates.Settlement;

/// <summary>One ledger line a partner is settled on.</summary>
/// <param name="LineId">The ledger entry id, unique in the registry.</param>
/// <param name="EventId">The id of the event that produced the line.</param>
/// <param name="RegistryId">The registry the line belongs to.</param>
/// <param name="PartnerId">The partner (code owner) the line is attributed to.</param>
/// <param name="Time">When the event happened; decides the epoch.</param>
/// <param name="Asset">The asset of <paramref name="Amount"/>.</param>
/// <param name="Amount">
/// Attributed revenue for a revenue-share program, or the partner's commission for a fee-share program. A clawback
/// (refund) is a negative line, never an edit of the original.
/// </param>
public sealed record SettlementLine(
    string LineId,
    string EventId,
    string RegistryId,
    string PartnerId,
    Instant Time,
    Asset Asset,
    Amount Amount);
