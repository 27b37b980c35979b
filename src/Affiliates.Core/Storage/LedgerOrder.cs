using Affiliates.Ledger;

namespace Affiliates.Storage;

/// <summary>The ledger's read order: time, then event id (ordinal), then sequence.</summary>
internal sealed class LedgerOrder : IComparer<LedgerEntry>
{
    public static LedgerOrder Instance { get; } = new();

    public int Compare(LedgerEntry? x, LedgerEntry? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        int byTime = x.OccurredAt.CompareTo(y.OccurredAt);
        if (byTime != 0)
        {
            return byTime;
        }

        int byEvent = string.CompareOrdinal(x.EventId, y.EventId);
        return byEvent != 0 ? byEvent : x.Sequence.CompareTo(y.Sequence);
    }
}
