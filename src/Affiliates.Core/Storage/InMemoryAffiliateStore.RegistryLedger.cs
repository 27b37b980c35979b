using Affiliates.Ledger;
using NodaTime;

namespace Affiliates.Storage;

internal sealed partial class InMemoryAffiliateStore
{
    /// <summary>One registry's entries, all of them and per code generation, each kept in ledger order.</summary>
    private sealed class RegistryLedger
    {
        private readonly OrderedEntries all = new();
        private readonly Dictionary<(string Code, int Generation), OrderedEntries> byCode = [];

        public void Add(LedgerEntry entry)
        {
            all.Add(entry);
            if (entry.Code is not null)
            {
                if (!byCode.TryGetValue((entry.Code, entry.CodeGeneration), out OrderedEntries? entries))
                {
                    entries = new OrderedEntries();
                    byCode[(entry.Code, entry.CodeGeneration)] = entries;
                }

                entries.Add(entry);
            }
        }

        public LedgerEntry[] Range(Instant start, Instant end) => all.Range(start, end);

        public LedgerEntry[] Range(string code, int generation, Instant start, Instant end) =>
            byCode.TryGetValue((code, generation), out OrderedEntries? entries) ? entries.Range(start, end) : [];
    }

    /// <summary>Entries in ledger order; appends in order stay cheap, others sort lazily on the next read.</summary>
    private sealed class OrderedEntries
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

        public LedgerEntry[] Range(Instant start, Instant end)
        {
            if (!sorted)
            {
                entries.Sort(LedgerOrder.Instance);
                sorted = true;
            }

            int first = FirstAtOrAfter(start);
            int last = FirstAtOrAfter(end);
            return last > first ? [.. entries.GetRange(first, last - first)] : [];
        }

        private int FirstAtOrAfter(Instant instant)
        {
            int low = 0;
            int high = entries.Count;
            while (low < high)
            {
                int middle = low + ((high - low) / 2);
                if (entries[middle].OccurredAt < instant)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }
    }
}
