using Affiliates.Ledger;
using Affiliates.Settlement;
using Affiliates.Storage;
using NodaTime;

namespace Affiliates.Programs;

/// <summary>What one ingest call has written but not committed yet, and lookups it already made.</summary>
internal sealed class IngestBatch
{
    private readonly Dictionary<string, Registry?> registries = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int), ProgramTerms> terms = [];
    private readonly Dictionary<string, ClosedEpoch?> closedEpochs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), List<RefundRecord>> storedRefunds = [];

    public Dictionary<(string Registry, string Id), (ProgramEvent Event, IReadOnlyList<LedgerEntry> Entries)> Events { get; } = [];

    public Dictionary<(string Registry, string User, string Scope), Binding> Bindings { get; } = [];

    /// <summary>Gets the refunds written in this batch, by (registry, refunded event), in the order written.</summary>
    public Dictionary<(string Registry, string Payment), List<RefundRecord>> Refunds { get; } = [];

    /// <summary>Gets the ids of events other than refunds written in this batch, by registry.</summary>
    public Dictionary<string, HashSet<string>> Payments { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the registries whose latest closed epoch this batch booked against.</summary>
    public IEnumerable<(string RegistryId, ClosedEpoch? Closed)> BookedAgainst => closedEpochs.Select(pair => (pair.Key, pair.Value));

    public void Add(ProgramEvent programEvent, IReadOnlyList<LedgerEntry> entries)
    {
        Events[(programEvent.RegistryId, programEvent.Id)] = (programEvent, entries);
        if (programEvent.Kind != EventKind.Refund)
        {
            if (!Payments.TryGetValue(programEvent.RegistryId, out HashSet<string>? ids))
            {
                ids = new HashSet<string>(StringComparer.Ordinal);
                Payments[programEvent.RegistryId] = ids;
            }

            ids.Add(programEvent.Id);
        }
    }

    /// <summary>Records a refund written in this batch, replacing an earlier version of it.</summary>
    public void AddRefund(RefundRecord refund)
    {
        if (!Refunds.TryGetValue((refund.RegistryId, refund.PaymentId), out List<RefundRecord>? list))
        {
            list = [];
            Refunds[(refund.RegistryId, refund.PaymentId)] = list;
        }

        list.RemoveAll(r => r.RefundId == refund.RefundId);
        list.Add(refund);
    }

    /// <summary>Returns the refunds of an event as this batch would leave them: stored ones overlaid with this batch's.</summary>
    public async ValueTask<List<RefundRecord>> RefundsOfAsync(IAffiliateStore store, string registryId, string paymentId, CancellationToken cancellationToken)
    {
        if (!storedRefunds.TryGetValue((registryId, paymentId), out List<RefundRecord>? stored))
        {
            stored = [.. await store.ListRefundsAsync(registryId, paymentId, cancellationToken).ConfigureAwait(false)];
            storedRefunds[(registryId, paymentId)] = stored;
        }

        List<RefundRecord> pending = Refunds.GetValueOrDefault((registryId, paymentId)) ?? [];
        return [.. stored.Where(s => !pending.Any(p => p.RefundId == s.RefundId)).Concat(pending)];
    }

    public async ValueTask<Registry?> RegistryAsync(IAffiliateStore store, string registryId, CancellationToken cancellationToken)
    {
        if (!registries.TryGetValue(registryId, out Registry? registry))
        {
            registry = await store.GetRegistryAsync(registryId, cancellationToken).ConfigureAwait(false);
            registries[registryId] = registry;
        }

        return registry;
    }

    /// <summary>Returns the registry's latest closed epoch, read once per batch: the batch commits only while it is still the latest.</summary>
    public async ValueTask<ClosedEpoch?> ClosedEpochAsync(IAffiliateStore store, string registryId, CancellationToken cancellationToken)
    {
        if (!closedEpochs.TryGetValue(registryId, out ClosedEpoch? closed))
        {
            closed = await store.GetClosedEpochAsync(registryId, cancellationToken).ConfigureAwait(false);
            closedEpochs[registryId] = closed;
        }

        return closed;
    }

    public async ValueTask<ProgramTerms> TermsAsync(IAffiliateStore store, string registryId, int version, CancellationToken cancellationToken)
    {
        if (!terms.TryGetValue((registryId, version), out ProgramTerms? found))
        {
            found = await store.GetTermsAsync(registryId, version, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The store has no terms version {version} of registry '{registryId}'.");
            terms[(registryId, version)] = found;
        }

        return found;
    }

    /// <summary>Returns the terms version in force at <paramref name="at"/>: the latest that took effect by then, else the first.</summary>
    public async ValueTask<ProgramTerms> TermsInForceAsync(IAffiliateStore store, Registry registry, Instant at, CancellationToken cancellationToken)
    {
        for (int version = registry.TermsVersion; version > 1; version--)
        {
            ProgramTerms candidate = await TermsAsync(store, registry.Id, version, cancellationToken).ConfigureAwait(false);
            if (candidate.EffectiveFrom <= at)
            {
                return candidate;
            }
        }

        return await TermsAsync(store, registry.Id, 1, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the active binding, preferring one written earlier in this batch.</summary>
    public async ValueTask<Binding?> BindingAsync(IAffiliateStore store, string registryId, string user, string scope, CancellationToken cancellationToken)
    {
        Binding? binding = Bindings.TryGetValue((registryId, user, scope), out Binding? pending)
            ? pending
            : await store.GetBindingAsync(registryId, user, scope, cancellationToken).ConfigureAwait(false);
        return binding is { Status: BindingStatus.Active } ? binding : null;
    }
}
