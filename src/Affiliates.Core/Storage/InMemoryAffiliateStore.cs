using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using NodaTime;

namespace Affiliates.Storage;

/// <summary>The default store: everything in process memory, every commit applied under one lock.</summary>
internal sealed partial class InMemoryAffiliateStore : IAffiliateStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Registry> registries = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Registry, int Version), ProgramTerms> terms = [];
    private readonly Dictionary<(string Registry, string Code), SortedList<int, PartnerCode>> codes = [];
    private readonly Dictionary<(string Registry, string Owner), SortedSet<string>> codesByOwner = [];
    private readonly Dictionary<(string Registry, string User, string Scope), Binding> bindings = [];
    private readonly Dictionary<string, AttributionClick> clicks = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Signer, string Nonce), Instant> nonces = [];
    private readonly PriorityQueue<(string Signer, string Nonce), Instant> nonceExpiries = new();
    private readonly Dictionary<(string Registry, string Event), (ProgramEvent Event, LedgerEntry[] Entries)> events = [];
    private readonly HashSet<(string Registry, string User)> usersWithEvents = [];
    private readonly Dictionary<string, RegistryLedger> ledgers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Registry, string Epoch), EpochStatement[]> settlements = [];
    private readonly Dictionary<string, ClosedEpoch> closedEpochs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Registry, string Refund), RefundRecord> refunds = [];
    private readonly Dictionary<(string Registry, string Payment), List<string>> refundsByPayment = [];
    private readonly Dictionary<string, PayoutIntent> payouts = new(StringComparer.Ordinal);

    public ValueTask<IAffiliateUnitOfWork> BeginAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IAffiliateUnitOfWork>(new UnitOfWork(this));

    public ValueTask<Registry?> GetRegistryAsync(string registryId, CancellationToken cancellationToken = default) =>
        Read(() => registries.GetValueOrDefault(registryId));

    public ValueTask<ProgramTerms?> GetTermsAsync(string registryId, int version, CancellationToken cancellationToken = default) =>
        Read(() => terms.GetValueOrDefault((registryId, version)));

    public ValueTask<PartnerCode?> GetCodeAsync(string registryId, string code, CancellationToken cancellationToken = default) =>
        Read(() => codes.TryGetValue((registryId, code), out SortedList<int, PartnerCode>? generations) ? generations.Values[^1] : null);

    public ValueTask<PartnerCode?> GetCodeGenerationAsync(string registryId, string code, int generation, CancellationToken cancellationToken = default) =>
        Read(() => codes.TryGetValue((registryId, code), out SortedList<int, PartnerCode>? generations) ? generations.GetValueOrDefault(generation) : null);

    public ValueTask<IReadOnlyList<PartnerCode>> ListCodesByOwnerAsync(string registryId, string ownerAddress, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<PartnerCode>>(() => codesByOwner.TryGetValue((registryId, ownerAddress), out SortedSet<string>? owned)
            ? [.. owned.Select(code => codes[(registryId, code)].Values[^1]).Where(code => code.OwnerAddress == ownerAddress)]
            : []);

    public ValueTask<Binding?> GetBindingAsync(string registryId, string userAddress, string scope, CancellationToken cancellationToken = default) =>
        Read(() => bindings.GetValueOrDefault((registryId, userAddress, scope)));

    public IAsyncEnumerable<Binding> ReadBindingsAsync(string registryId, Instant start, Instant end, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            Binding[] made = [.. bindings.Values
                .Where(b => b.RegistryId == registryId && b.BoundAt >= start && b.BoundAt < end)
                .OrderBy(b => b.BoundAt)
                .ThenBy(b => b.UserAddress, StringComparer.Ordinal)
                .ThenBy(b => b.Scope, StringComparer.Ordinal)];
            return made.ToAsyncEnumerable();
        }
    }

    public ValueTask<AttributionClick?> GetClickAsync(string token, CancellationToken cancellationToken = default) =>
        Read(() => clicks.GetValueOrDefault(token));

    public ValueTask<ProgramEvent?> GetEventAsync(string registryId, string eventId, CancellationToken cancellationToken = default) =>
        Read(() => events.TryGetValue((registryId, eventId), out var stored) ? stored.Event : null);

    public ValueTask<IReadOnlyList<LedgerEntry>> ListEntriesAsync(string registryId, string eventId, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<LedgerEntry>>(() => events.TryGetValue((registryId, eventId), out var stored) ? stored.Entries : []);

    public ValueTask<bool> HasEventsForUserAsync(string registryId, string userAddress, CancellationToken cancellationToken = default) =>
        Read(() => usersWithEvents.Contains((registryId, userAddress)));

    public IAsyncEnumerable<LedgerEntry> ReadLedgerAsync(string registryId, Instant start, Instant end, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return ledgers.TryGetValue(registryId, out RegistryLedger? ledger)
                ? ledger.Range(start, end).ToAsyncEnumerable()
                : AsyncEnumerable.Empty<LedgerEntry>();
        }
    }

    public IAsyncEnumerable<LedgerEntry> ReadAttributedLedgerAsync(string registryId, IReadOnlyCollection<LedgerEntryKind> kinds, Instant start, Instant end, CancellationToken cancellationToken = default)
    {
        LedgerEntryKind[] wanted = [.. Preconditions.NotNull(kinds)];
        lock (gate)
        {
            return ledgers.TryGetValue(registryId, out RegistryLedger? ledger)
                ? ledger.Booked(start, end).Where(e => e.Code is not null && wanted.Contains(e.Kind)).ToAsyncEnumerable()
                : AsyncEnumerable.Empty<LedgerEntry>();
        }
    }

    public ValueTask<IReadOnlyList<RefundRecord>> ListRefundsAsync(string registryId, string paymentId, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<RefundRecord>>(() => refundsByPayment.TryGetValue((registryId, paymentId), out List<string>? ids)
            ? [.. ids.Select(id => refunds[(registryId, id)]).OrderBy(r => r.Status == RefundStatus.Applied ? 0 : 1).ThenBy(r => r.Ordinal).ThenBy(r => r.RefundId, StringComparer.Ordinal)]
            : []);

    public ValueTask<RefundRecord?> GetRefundAsync(string registryId, string refundId, CancellationToken cancellationToken = default) =>
        Read(() => refunds.GetValueOrDefault((registryId, refundId)));

    public ValueTask<IReadOnlyList<RefundRecord>> ListHeldRefundsAsync(string registryId, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<RefundRecord>>(() => [.. refunds.Values
            .Where(r => r.RegistryId == registryId && r.Status == RefundStatus.Held)
            .OrderBy(r => r.RefundId, StringComparer.Ordinal)]);

    public ValueTask<ClosedEpoch?> GetClosedEpochAsync(string registryId, CancellationToken cancellationToken = default) =>
        Read(() => closedEpochs.GetValueOrDefault(registryId));

    public ValueTask<bool> IsEpochSettledAsync(string registryId, string epochId, CancellationToken cancellationToken = default) =>
        Read(() => settlements.ContainsKey((registryId, epochId)));

    public ValueTask<IReadOnlyList<EpochStatement>> ListStatementsAsync(string registryId, string epochId, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<EpochStatement>>(() => settlements.TryGetValue((registryId, epochId), out EpochStatement[]? statements)
            ? [.. statements.OrderBy(s => s.Key)]
            : []);

    public ValueTask<EpochStatement?> GetStatementAsync(string registryId, string epochId, PayeeKey payee, CancellationToken cancellationToken = default) =>
        Read(() => settlements.TryGetValue((registryId, epochId), out EpochStatement[]? statements)
            ? statements.FirstOrDefault(s => s.Key == payee)
            : null);

    public ValueTask<IReadOnlyList<EpochStatement>> ListLatestStatementsAsync(string registryId, Instant before, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<EpochStatement>>(() => [.. settlements
            .Where(pair => pair.Key.Registry == registryId)
            .SelectMany(pair => pair.Value)
            .Where(s => s.EpochEnd <= before)
            .GroupBy(s => s.Key)
            .Select(group => group.MaxBy(s => s.EpochEnd)!)
            .OrderBy(s => s.Key)]);

    public ValueTask<PayoutIntent?> GetPayoutAsync(string payoutId, CancellationToken cancellationToken = default) =>
        Read(() => payouts.GetValueOrDefault(payoutId));

    public ValueTask<IReadOnlyList<PayoutIntent>> ListPayoutsAsync(string registryId, PayoutStatus status, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<PayoutIntent>>(() => [.. payouts.Values
            .Where(p => p.RegistryId == registryId && p.Status == status)
            .OrderBy(p => p.Id, StringComparer.Ordinal)]);

    private ValueTask<T> Read<T>(Func<T> read)
    {
        lock (gate)
        {
            return ValueTask.FromResult(read());
        }
    }
}
