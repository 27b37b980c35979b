using NodaTime;

namespace Affiliates.Ledger;

/// <summary>One append-only line of the ledger: an amount credited to an account because of an event.</summary>
/// <remarks>
/// The entries of one event sum to its amount plus any affiliate fee charged. A refund's entries mirror the refunded
/// event's entries with negated amounts, so the two net to zero. Entries are ordered by
/// (<see cref="OccurredAt"/>, <see cref="EventId"/> ordinal, <see cref="Sequence"/>).
/// </remarks>
/// <param name="RegistryId">The registry.</param>
/// <param name="EventId">The event that produced the entry.</param>
/// <param name="Sequence">The entry's position within its event, from 0.</param>
/// <param name="OccurredAt">The event's time.</param>
/// <param name="Kind">Who the entry credits.</param>
/// <param name="Account">The credited address; "protocol" for protocol entries.</param>
/// <param name="Code">The attributed code, or <see langword="null"/> when none applied.</param>
/// <param name="CodeGeneration">The attributed code's generation, 0 when none.</param>
/// <param name="TermsVersion">The terms version the split used, 0 when none applied.</param>
/// <param name="Amount">The credited amount; negative only for clawbacks.</param>
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
}
