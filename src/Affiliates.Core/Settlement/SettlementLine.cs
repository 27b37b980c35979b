using Affiliates.Ledger;
using NodaTime;

namespace Affiliates.Settlement;

/// <summary>One ledger entry booked to a partner in the epoch being settled (a <see cref="LedgerEntry"/> with a code).</summary>
/// <param name="RegistryId">The registry the line belongs to.</param>
/// <param name="EventId">The event that produced the line.</param>
/// <param name="Sequence">The line's position within its event; (event id, sequence) identifies the line.</param>
/// <param name="OccurredAt">When the event happened: within the epoch, or before it for a line booked late.</param>
/// <param name="Partner">The partner (the owner of the code).</param>
/// <param name="Code">The partner code the line was attributed through.</param>
/// <param name="Asset">The asset of <paramref name="Amount"/>.</param>
/// <param name="Amount">
/// The attributed revenue (the fee or payment; negative for a refund), or for an <see cref="LedgerEntryKind.AffiliateFee"/>
/// line the affiliate fee charged on top.
/// </param>
public sealed record SettlementLine(
    string RegistryId,
    string EventId,
    int Sequence,
    Instant OccurredAt,
    string Partner,
    string Code,
    Asset Asset,
    Amount Amount)
{
    /// <summary>Gets what the line books: attributed revenue (the default) or an affiliate fee.</summary>
    public LedgerEntryKind Kind { get; init; } = LedgerEntryKind.AttributedRevenue;

    /// <summary>Gets the code's generation (1 by default).</summary>
    public int CodeGeneration { get; init; } = 1;

    /// <summary>Gets the terms version the line is priced under (1 by default).</summary>
    public int TermsVersion { get; init; } = 1;

    /// <summary>Gets the referred user, who receives the kickback (fee share).</summary>
    public string? User { get; init; }

    /// <summary>Gets the referral fee in force when the event was booked (fee share).</summary>
    public Rate ReferralFee { get; init; }

    /// <summary>Gets the kickback in force when the event was booked (fee share).</summary>
    public Rate Kickback { get; init; }

    /// <summary>Gets the refunded event, for a refund's line.</summary>
    public string? RefundOf { get; init; }

    /// <summary>Gets, for a line booked late, the tier metric its partner had at the end of the line's own epoch; null prices it at this epoch's.</summary>
    public Int128? OwnEpochTierMetric { get; init; }

    /// <summary>Returns the settlement line of a ledger entry with a code, in the registry's <paramref name="asset"/>.</summary>
    public static SettlementLine From(LedgerEntry entry, Asset asset)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new SettlementLine(entry.RegistryId, entry.EventId, entry.Sequence, entry.OccurredAt, entry.Account, entry.Code ?? string.Empty, asset, entry.Amount)
        {
            Kind = entry.Kind,
            CodeGeneration = entry.CodeGeneration,
            TermsVersion = entry.TermsVersion,
            User = entry.User,
            ReferralFee = entry.ReferralFee,
            Kickback = entry.Kickback,
            RefundOf = entry.RefundOf,
        };
    }
}
