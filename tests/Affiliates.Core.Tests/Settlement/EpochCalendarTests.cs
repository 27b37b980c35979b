using Affiliates.Settlement;
using NodaTime;

namespace Affiliates.Tests.Settlement;

public sealed class EpochCalendarTests
{
    private static Instant Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        Instant.FromUtc(year, month, day, hour, minute);

    [Fact]
    public void Weekly_EventAtExactlySundayMidnight_BelongsToTheNewWeek()
    {
        EpochCalendar weekly = EpochCalendar.Weekly();

        Epoch week = weekly.EpochContaining(Utc(2026, 11, 22));
        Epoch before = weekly.EpochContaining(Utc(2026, 11, 22) - Duration.Epsilon);

        Assert.Equal("2026-11-22W", week.Id);
        Assert.Equal(Utc(2026, 11, 22), week.Start);
        Assert.Equal(Utc(2026, 11, 29), week.End);
        Assert.Equal("2026-11-15W", before.Id);
        Assert.Equal(week.Start, before.End);
    }

    [Fact]
    public void Weekly_SaturdayLateEvening_BelongsToTheWeekThatStartedLastSunday()
    {
        Epoch week = EpochCalendar.Weekly().EpochContaining(Utc(2026, 11, 28, 23, 59));

        Assert.Equal("2026-11-22W", week.Id);
        Assert.True(week.Contains(Utc(2026, 11, 28, 23, 59)));
        Assert.False(week.Contains(week.End));
    }

    [Fact]
    public void Weekly_WithMondayStart_StartsOnMonday()
    {
        Epoch week = EpochCalendar.Weekly(IsoDayOfWeek.Monday).EpochContaining(Utc(2026, 11, 22, 12));

        Assert.Equal("2026-11-16W", week.Id);
        Assert.Equal(IsoDayOfWeek.Monday, week.Start.InUtc().DayOfWeek);
    }

    [Fact]
    public void Weekly_AcrossYearEnd_KeepsSevenDays()
    {
        Epoch week = EpochCalendar.Weekly().EpochContaining(Utc(2027, 1, 1));

        Assert.Equal("2026-12-27W", week.Id);
        Assert.Equal(Duration.FromDays(7), week.Interval.Duration);
    }

    [Fact]
    public void Weekly_WithInvalidDay_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EpochCalendar.Weekly(IsoDayOfWeek.None));

    [Theory]
    [InlineData(2026, 2, 28)]
    [InlineData(2028, 2, 29)]
    [InlineData(2100, 2, 28)]
    [InlineData(2000, 2, 29)]
    [InlineData(2026, 11, 30)]
    [InlineData(2026, 12, 31)]
    public void Monthly_MonthLength_FollowsTheGregorianCalendar(int year, int month, int days)
    {
        Epoch epoch = EpochCalendar.Monthly().EpochContaining(Utc(year, month, 15));

        Assert.Equal($"{year:D4}-{month:D2}", epoch.Id);
        Assert.Equal(Utc(year, month, 1), epoch.Start);
        Assert.Equal(Duration.FromDays(days), epoch.Interval.Duration);
    }

    [Fact]
    public void Monthly_EventAtExactlyTheFirst_BelongsToTheNewMonth()
    {
        EpochCalendar monthly = EpochCalendar.Monthly();

        Assert.Equal("2027-01", monthly.EpochContaining(Utc(2027, 1, 1)).Id);
        Assert.Equal("2026-12", monthly.EpochContaining(Utc(2027, 1, 1) - Duration.Epsilon).Id);
    }

    [Fact]
    public void FixedLength_CountsEpochsFromTheAnchor()
    {
        Instant anchor = Utc(2026, 1, 1);
        EpochCalendar calendar = EpochCalendar.FixedLength(anchor, Duration.FromHours(8));

        Epoch epoch = calendar.EpochContaining(anchor + Duration.FromHours(8 * 17));

        Assert.Equal("c-17", epoch.Id);
        Assert.Equal(anchor + Duration.FromHours(8 * 17), epoch.Start);
        Assert.Equal("c-16", calendar.EpochContaining(epoch.Start - Duration.Epsilon).Id);
        Assert.Equal("c-0", calendar.EpochContaining(anchor).Id);
    }

    [Fact]
    public void FixedLength_BeforeTheAnchor_Throws()
    {
        EpochCalendar calendar = EpochCalendar.FixedLength(Utc(2026, 1, 1), Duration.FromDays(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.EpochContaining(Utc(2025, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Previous(calendar.EpochContaining(Utc(2026, 1, 1))));
    }

    [Fact]
    public void FixedLength_WithNonPositiveLengthOrEmptyPrefix_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EpochCalendar.FixedLength(Utc(2026, 1, 1), Duration.Zero));
        Assert.Throws<ArgumentException>(() => EpochCalendar.FixedLength(Utc(2026, 1, 1), Duration.FromDays(1), " "));
    }

    [Fact]
    public void NextAndPrevious_AreAdjacentAndInverse()
    {
        foreach (EpochCalendar calendar in new[] { EpochCalendar.Weekly(), EpochCalendar.Monthly(), EpochCalendar.FixedLength(Utc(2020, 1, 1), Duration.FromMinutes(90)) })
        {
            Epoch epoch = calendar.EpochContaining(Utc(2028, 2, 29, 13));
            Epoch next = calendar.Next(epoch);

            Assert.Equal(epoch.End, next.Start);
            Assert.Equal(epoch, calendar.Previous(next));
        }
    }

    [Fact]
    public void EpochsOverlapping_ListsEveryEpochTouchingTheInterval()
    {
        var interval = new Interval(Utc(2026, 11, 10), Utc(2026, 12, 6));

        string[] ids = EpochCalendar.Weekly().EpochsOverlapping(interval).Select(e => e.Id).ToArray();

        Assert.Equal(["2026-11-08W", "2026-11-15W", "2026-11-22W", "2026-11-29W"], ids);
    }

    [Fact]
    public void EpochsOverlapping_EmptyInterval_ListsNothing() =>
        Assert.Empty(EpochCalendar.Monthly().EpochsOverlapping(new Interval(Utc(2026, 5, 5), Utc(2026, 5, 5))));
}
