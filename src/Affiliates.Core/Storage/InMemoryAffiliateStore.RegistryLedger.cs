using Affiliates.Ledger;
using NodaTime;

namespace Affiliates.Storage;

internal sealed partial class InMemoryAffiliateStore
{
    /// <summary>One registry's entries, in ledger order by time and by booking.</summary>
    private sealed class RegistryLedger
    {
        private readonly OrderedEntries byTime = new(static e => e.OccurredAt, LedgerOrder.Instance);
        private readonly OrderedEntries byBooking = new(static e => e.BookedAt, BookingOrder.Instance);

        public void Add(LedgerEntry entry)
        {
            byTime.Add(entry);
            byBooking.Add(entry);
        }

        public LedgerEntry[] Range(Instant start, Instant end) => byTime.Range(start, end);

        public LedgerEntry[] Booked(Instant start, Instant end) => byBooking.Range(start, end);
    }

    /// <summary>Entries in an order whose first key is an instant; appends in order stay cheap, others sort lazily on the next read.</summary>
    private sealed class OrderedEntries(Func<LedgerEntry, Instant> key, IComparer<LedgerEntry> order)
    {
        private readonly List<LedgerEntry> entries = [];
        private bool sorted = true;

        public void Add(LedgerEntry entry)
        {
            if (sorted && entries.Count > 0 && order.Compare(entries[^1], entry) > 0)
            {
                sorted = false;
            }

            entries.Add(entry);
        }

        public LedgerEntry[] Range(Instant start, Instant end)
        {
            if (!sorted)
            {
                entries.Sort(order);
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
                if (key(entries[middle]) < instant)
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

    /// <summary>The settlement read order: booked at, then the ledger order.</summary>
    private sealed class BookingOrder : IComparer<LedgerEntry>
    {
        public static BookingOrder Instance { get; } = new();

        public int Compare(LedgerEntry? x, LedgerEntry? y)
        {
            int order = x!.BookedAt.CompareTo(y!.BookedAt);
            return order != 0 ? order : LedgerOrder.Instance.Compare(x, y);
        }
    }
}
