using Affiliates.Ledger;
using NodaTime;

namespace Affiliates.Storage;

internal sealed partial class InMemoryAffiliateStore
{
    /// <summary>One registry's entries, kept in ledger order (appends in order stay cheap; others sort lazily).</summary>
    private sealed class RegistryLedger
    {
        private readonly List<LedgerEntry> entries = [];
        private bool sorted = true;

        public void Add(LedgerEntry entry)
        {
            if (sorted && entries.Count > 0 && LedgerOrder.Instance.Compare(entries[^1], entry) > 0)
            {
                sorted = false;
            }

            entries.Add(entry);
        }

        public LedgerEntry[] Range(Instant start, Instant end, string? code, int generation)
        {
            if (!sorted)
            {
                entries.Sort(LedgerOrder.Instance);
                sorted = true;
            }

            int low = 0;
            int high = entries.Count;
            while (low < high)
            {
                int middle = low + ((high - low) / 2);
                if (entries[middle].OccurredAt < start)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            var result = new List<LedgerEntry>();
            for (int i = low; i < entries.Count && entries[i].OccurredAt < end; i++)
            {
                LedgerEntry entry = entries[i];
                if (code is null || (entry.Code == code && entry.CodeGeneration == generation))
                {
                    result.Add(entry);
                }
            }

            return [.. result];
        }
    }
}
