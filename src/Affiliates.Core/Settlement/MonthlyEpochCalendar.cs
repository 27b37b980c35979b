using NodaTime;
using NodaTime.Text;

namespace Affiliates.Settlement;

/// <summary>Calendar months in UTC.</summary>
internal sealed class MonthlyEpochCalendar : EpochCalendar
{
    private static readonly YearMonthPattern IdPattern = YearMonthPattern.Iso;

    public override Epoch EpochContaining(Instant instant)
    {
        YearMonth month = instant.InUtc().Date.ToYearMonth();
        Instant start = month.OnDayOfMonth(1).AtMidnight().InUtc().ToInstant();
        Instant end = month.OnDayOfMonth(1).PlusMonths(1).AtMidnight().InUtc().ToInstant();
        return new Epoch(IdPattern.Format(month), new Interval(start, end));
    }
}
