using NodaTime;

namespace Affiliates.Settlement;

/// <summary>One settlement period: a stable id and the half-open UTC interval [start, end) it covers.</summary>
/// <param name="Id">The stable id, e.g. "2026-11-22W" (week starting that day), "2026-11" (month) or "c-17" (fixed length).</param>
/// <param name="Interval">The instants the epoch covers; the start belongs to it, the end belongs to the next epoch.</param>
public sealed record Epoch(string Id, Interval Interval)
{
    /// <summary>Gets the first instant of the epoch.</summary>
    public Instant Start => Interval.Start;

    /// <summary>Gets the first instant after the epoch (the next epoch's start).</summary>
    public Instant End => Interval.End;

    /// <summary>Returns whether <paramref name="instant"/> falls in [start, end).</summary>
    public bool Contains(Instant instant) => Interval.Contains(instant);

    /// <summary>Returns the id.</summary>
    public override string ToString() => Id;
}
