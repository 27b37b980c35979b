using Affiliates.Fees;

namespace Affiliates.Ledger;

/// <summary>What ingesting one event did.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="Status">Recorded, duplicate, or why it was rejected.</param>
/// <param name="Outcome">Why the revenue went where it went (meaningful when recorded).</param>
/// <param name="Detail">A sentence explaining the status and outcome.</param>
/// <param name="Multiplier">The multiplier applied to the referral fee (×1 when none applied).</param>
/// <param name="AffiliateFee">The affiliate fee charge, when the event had a notional and a code applied.</param>
/// <param name="Entries">The entries appended (empty unless recorded).</param>
public sealed record IngestResult(
    string EventId,
    IngestStatus Status,
    FeeOutcome Outcome,
    string Detail,
    Multiplier Multiplier,
    AffiliateFeeCharge? AffiliateFee,
    IReadOnlyList<LedgerEntry> Entries)
{
    /// <summary>The largest accepted amount or notional: 10^30 base units, so sums over any realistic ledger fit in 128 bits.</summary>
    public static readonly Amount MaxAmount = Amount.FromUnits(Int128.Parse("1000000000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture));

    internal static IngestResult Rejected(string eventId, IngestStatus status, string detail) =>
        new(eventId, status, FeeOutcome.Unattributed, detail, Multiplier.One, null, []);
}
