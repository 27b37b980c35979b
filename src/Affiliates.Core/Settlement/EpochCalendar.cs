using NodaTime;

namespace Affiliates.Settlement;

/// <summary>Cuts UTC time into consecutive settlement epochs with stable ids.</summary>
/// <remarks>
/// Epochs are half-open: an event at exactly an epoch boundary (e.g. Sunday 00:00 UTC) belongs to the epoch that
/// starts there. Every calendar is UTC; no time zone or daylight-saving rule ever moves a boundary.
/// </remarks>
public abstract class EpochCalendar
{
    private protected EpochCalendar()
    {
    }

    /// <summary>Creates a weekly calendar whose weeks start at 00:00 UTC on <paramref name="firstDay"/> (Sunday by default).</summary>
    /// <remarks>Ids are the ISO date of the week's first day followed by "W", e.g. "2026-11-22W".</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstDay"/> is not a day of the week.</exception>
    public static EpochCalendar Weekly(IsoDayOfWeek firstDay = IsoDayOfWeek.Sunday) => new WeeklyEpochCalendar(firstDay);

    /// <summary>Creates a calendar of calendar months starting on the 1st at 00:00 UTC.</summary>
    /// <remarks>Ids are the year and month, e.g. "2026-11".</remarks>
    public static EpochCalendar Monthly() => new MonthlyEpochCalendar();

    /// <summary>Creates a calendar of fixed-length epochs counted from <paramref name="anchor"/>.</summary>
    /// <remarks>
    /// Epoch n covers [anchor + n × length, anchor + (n + 1) × length) and has id "{prefix}-{n}", e.g. "c-17".
    /// Only instants at or after the anchor belong to an epoch.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is empty.</exception>
    public static EpochCalendar FixedLength(Instant anchor, Duration length, string prefix = "c") =>
        new FixedLengthEpochCalendar(anchor, length, prefix);

    /// <summary>Returns the epoch that contains <paramref name="instant"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside the calendar's range.</exception>
    public abstract Epoch EpochContaining(Instant instant);

    /// <summary>Returns the epoch that starts where <paramref name="epoch"/> ends.</summary>
    public Epoch Next(Epoch epoch) => EpochContaining(Preconditions.NotNull(epoch).End);

    /// <summary>Returns the epoch that ends where <paramref name="epoch"/> starts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The calendar has no earlier epoch.</exception>
    public Epoch Previous(Epoch epoch) => EpochContaining(Preconditions.NotNull(epoch).Start - Duration.Epsilon);

    /// <summary>Returns, in order, every epoch that overlaps <paramref name="interval"/>.</summary>
    public IEnumerable<Epoch> EpochsOverlapping(Interval interval)
    {
        if (interval.Start == interval.End)
        {
            yield break;
        }

        for (Epoch epoch = EpochContaining(interval.Start); epoch.Start < interval.End; epoch = Next(epoch))
        {
            yield return epoch;
        }
    }
}
