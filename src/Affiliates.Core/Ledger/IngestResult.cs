using Affiliates.Fees;

namespace Affiliates.Ledger;

/// <summary>What ingesting one event did.</summary>
/// <remarks>
/// What the partner and the user earn of an attributed event is priced when its epoch is settled (its multiplier is
/// measured over whole days before it, its tier at the end of its epoch), so the result names the code applied and the
/// entries booked, not the commission.
/// </remarks>
/// <param name="EventId">The event's id.</param>
/// <param name="Status">Recorded, held, duplicate, or why it was rejected.</param>
/// <param name="Outcome">Why the revenue went where it went (meaningful when recorded).</param>
/// <param name="Detail">A sentence explaining the status and outcome.</param>
/// <param name="AffiliateFee">The affiliate fee charge, when the event had a notional and a code applied; the host collects it on top of the notional.</param>
/// <param name="Entries">The entries appended (empty unless recorded).</param>
public sealed record IngestResult(
    string EventId,
    IngestStatus Status,
    FeeOutcome Outcome,
    string Detail,
    AffiliateFeeCharge? AffiliateFee,
    IReadOnlyList<LedgerEntry> Entries)
{
    /// <summary>The largest accepted amount or notional: 10^30 base units, so sums over any realistic ledger fit in 128 bits.</summary>
    public static readonly Amount MaxAmount = Amount.FromUnits(Int128.Parse("1000000000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Gets whether the event arrived after its epoch was closed and was booked, late, into the first open epoch.</summary>
    public bool IsLate => Entries.Count > 0 && Entries[0].IsLate;

    /// <summary>Gets the ids of held refunds of this event that were applied with it.</summary>
    public IReadOnlyList<string> AppliedRefunds { get; init; } = [];

    internal static IngestResult Rejected(string eventId, IngestStatus status, string detail) =>
        new(eventId, status, FeeOutcome.Unattributed, detail, null, []);
}
