using NodaTime;
using NodaTime.Text;

namespace Affiliates.Settlement;

/// <summary>Weeks starting at 00:00 UTC on a fixed day.</summary>
internal sealed class WeeklyEpochCalendar : EpochCalendar
{
    private readonly IsoDayOfWeek firstDay;

    public WeeklyEpochCalendar(IsoDayOfWeek firstDay)
    {
        Preconditions.InRange((int)firstDay, (int)IsoDayOfWeek.Monday, (int)IsoDayOfWeek.Sunday);
        this.firstDay = firstDay;
    }

    public override Epoch EpochContaining(Instant instant)
    {
        LocalDate start = instant.InUtc().Date.With(DateAdjusters.PreviousOrSame(firstDay));
        Instant startInstant = start.AtMidnight().InUtc().ToInstant();
        return new Epoch(LocalDatePattern.Iso.Format(start) + "W", new Interval(startInstant, startInstant + Duration.FromDays(7)));
    }
}
