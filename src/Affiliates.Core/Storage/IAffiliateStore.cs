using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using NodaTime;

namespace Affiliates.Storage;

/// <summary>Where registries, codes, bindings, the ledger, statements and payouts live.</summary>
/// <remarks>
/// Reads see committed state only. Strings compare ordinally (case-sensitive); codes are stored upper-cased by the
/// engine. Lists are returned in the documented order so every store answers identically.
/// </remarks>
public interface IAffiliateStore
{
    /// <summary>Starts a unit of work.</summary>
    ValueTask<IAffiliateUnitOfWork> BeginAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets a registry, or <see langword="null"/>.</summary>
    ValueTask<Registry?> GetRegistryAsync(string registryId, CancellationToken cancellationToken = default);

    /// <summary>Gets one terms version of a registry, or <see langword="null"/>.</summary>
    ValueTask<ProgramTerms?> GetTermsAsync(string registryId, int version, CancellationToken cancellationToken = default);

    /// <summary>Gets the latest generation of a code, or <see langword="null"/>.</summary>
    ValueTask<PartnerCode?> GetCodeAsync(string registryId, string code, CancellationToken cancellationToken = default);

    /// <summary>Gets one generation of a code, or <see langword="null"/>.</summary>
    ValueTask<PartnerCode?> GetCodeGenerationAsync(string registryId, string code, int generation, CancellationToken cancellationToken = default);

    /// <summary>Lists the latest generation of every code an address owns in a registry, ordered by code.</summary>
    ValueTask<IReadOnlyList<PartnerCode>> ListCodesByOwnerAsync(string registryId, string ownerAddress, CancellationToken cancellationToken = default);

    /// <summary>Gets a user's binding in a scope, or <see langword="null"/>.</summary>
    ValueTask<Binding?> GetBindingAsync(string registryId, string userAddress, string scope, CancellationToken cancellationToken = default);

    /// <summary>Reads a registry's bindings, in every scope and status, whose current version was made with <paramref name="start"/> ≤ bound at &lt; <paramref name="end"/>, ordered by (bound at, user, scope).</summary>
    IAsyncEnumerable<Binding> ReadBindingsAsync(string registryId, Instant start, Instant end, CancellationToken cancellationToken = default);

    /// <summary>Gets a click by its token, or <see langword="null"/>.</summary>
    ValueTask<AttributionClick?> GetClickAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Gets an event, or <see langword="null"/>.</summary>
    ValueTask<ProgramEvent?> GetEventAsync(string registryId, string eventId, CancellationToken cancellationToken = default);

    /// <summary>Lists an event's ledger entries ordered by sequence (empty if the event is unknown).</summary>
    ValueTask<IReadOnlyList<LedgerEntry>> ListEntriesAsync(string registryId, string eventId, CancellationToken cancellationToken = default);

    /// <summary>Returns whether any event of the user exists in the registry.</summary>
    ValueTask<bool> HasEventsForUserAsync(string registryId, string userAddress, CancellationToken cancellationToken = default);

    /// <summary>Reads a registry's entries with <paramref name="start"/> ≤ time &lt; <paramref name="end"/>, ordered by (time, event id, sequence).</summary>
    IAsyncEnumerable<LedgerEntry> ReadLedgerAsync(string registryId, Instant start, Instant end, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the entries of the given kinds that carry a code, booked with <paramref name="start"/> ≤ booked at &lt; <paramref name="end"/>,
    /// ordered by (booked at, time, event id, sequence): what settlement needs, selected by the store rather than by its caller.
    /// </summary>
    /// <remarks>Within one epoch that order is (time, event id, sequence): late entries are all booked at the epoch's start, before the epoch's own.</remarks>
    IAsyncEnumerable<LedgerEntry> ReadAttributedLedgerAsync(string registryId, IReadOnlyCollection<LedgerEntryKind> kinds, Instant start, Instant end, CancellationToken cancellationToken = default);

    /// <summary>Lists the refunds of an event: applied ones by ordinal, then held and refused ones by refund id.</summary>
    ValueTask<IReadOnlyList<RefundRecord>> ListRefundsAsync(string registryId, string paymentId, CancellationToken cancellationToken = default);

    /// <summary>Gets a refund by its event id, or <see langword="null"/>.</summary>
    ValueTask<RefundRecord?> GetRefundAsync(string registryId, string refundId, CancellationToken cancellationToken = default);

    /// <summary>Lists a registry's held refunds, ordered by refund id.</summary>
    ValueTask<IReadOnlyList<RefundRecord>> ListHeldRefundsAsync(string registryId, CancellationToken cancellationToken = default);

    /// <summary>Gets the latest closed epoch of a registry, or <see langword="null"/> when none was closed.</summary>
    ValueTask<ClosedEpoch?> GetClosedEpochAsync(string registryId, CancellationToken cancellationToken = default);

    /// <summary>Returns whether the epoch was settled.</summary>
    ValueTask<bool> IsEpochSettledAsync(string registryId, string epochId, CancellationToken cancellationToken = default);

    /// <summary>Lists an epoch's statements ordered by payee (partners, then users, each by address).</summary>
    ValueTask<IReadOnlyList<EpochStatement>> ListStatementsAsync(string registryId, string epochId, CancellationToken cancellationToken = default);

    /// <summary>Gets one payee's statement of an epoch, or <see langword="null"/>.</summary>
    ValueTask<EpochStatement?> GetStatementAsync(string registryId, string epochId, PayeeKey payee, CancellationToken cancellationToken = default);

    /// <summary>Lists, per payee, the statement with the latest end among those ending at or before <paramref name="before"/>, ordered by payee.</summary>
    ValueTask<IReadOnlyList<EpochStatement>> ListLatestStatementsAsync(string registryId, Instant before, CancellationToken cancellationToken = default);

    /// <summary>Gets a payout intent, or <see langword="null"/>.</summary>
    ValueTask<PayoutIntent?> GetPayoutAsync(string payoutId, CancellationToken cancellationToken = default);

    /// <summary>Lists a registry's payouts in a status, ordered by id.</summary>
    ValueTask<IReadOnlyList<PayoutIntent>> ListPayoutsAsync(string registryId, PayoutStatus status, CancellationToken cancellationToken = default);
}
