using Affiliates.Ledger;
using Affiliates.Storage;

namespace Affiliates.Programs;

/// <summary>What one ingest call has written but not committed yet, and lookups it already made.</summary>
internal sealed class IngestBatch
{
    private readonly Dictionary<string, Registry?> registries = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int), ProgramTerms> terms = [];

    public Dictionary<(string Registry, string Id), (ProgramEvent Event, IReadOnlyList<LedgerEntry> Entries)> Events { get; } = [];

    public Dictionary<(string Registry, string User, string Scope), Binding> Bindings { get; } = [];

    /// <summary>Gets the uncommitted entries per (registry, code, generation), for trailing revenue within the batch.</summary>
    public Dictionary<(string Registry, string Code, int Generation), List<LedgerEntry>> EntriesByCode { get; } = [];

    public void Add(ProgramEvent programEvent, IReadOnlyList<LedgerEntry> entries)
    {
        Events[(programEvent.RegistryId, programEvent.Id)] = (programEvent, entries);
        foreach (LedgerEntry entry in entries)
        {
            if (entry.Code is not null)
            {
                var key = (entry.RegistryId, entry.Code, entry.CodeGeneration);
                if (!EntriesByCode.TryGetValue(key, out List<LedgerEntry>? list))
                {
                    list = [];
                    EntriesByCode[key] = list;
                }

                list.Add(entry);
            }
        }
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

    /// <summary>Returns the active binding, preferring one written earlier in this batch.</summary>
    public async ValueTask<Binding?> BindingAsync(IAffiliateStore store, string registryId, string user, string scope, CancellationToken cancellationToken)
    {
        Binding? binding = Bindings.TryGetValue((registryId, user, scope), out Binding? pending)
            ? pending
            : await store.GetBindingAsync(registryId, user, scope, cancellationToken).ConfigureAwait(false);
        return binding is { Status: BindingStatus.Active } ? binding : null;
    }
}
