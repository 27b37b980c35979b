using Affiliates.Tiers;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Affiliates.Tests.Tiers;

public class TrailingWindowTests
{
    private static readonly LocalDate Day1 = new(2026, 3, 1);

    [Fact]
    public void AContribution_CountsThroughDay30_AndExpiresOnDay31()
    {
        var window = new TrailingWindow(30);
        window.Add(Day1, Amount.FromUnits(100));

        Assert.Equal(Amount.Zero, window.Total(Day1.PlusDays(-1)));
        Assert.Equal(Amount.FromUnits(100), window.Total(Day1));
        Assert.Equal(Amount.FromUnits(100), window.Total(Day1.PlusDays(29)));
        Assert.Equal(Amount.Zero, window.Total(Day1.PlusDays(30)));
    }

    [Fact]
    public void Refunds_AreNegativeContributionsOnTheirOwnDay()
    {
        var window = new TrailingWindow(30);
        window.Add(Day1, Amount.FromUnits(100));
        window.Add(Day1.PlusDays(10), Amount.FromUnits(-40));

        Assert.Equal(Amount.FromUnits(60), window.Total(Day1.PlusDays(10)));
        Assert.Equal(Amount.FromUnits(-40), window.Total(Day1.PlusDays(30)));
    }

    [Fact]
    public void Prune_KeepsTotalsFromThatDayOn_AndRefusesEarlierOnes()
    {
        var window = new TrailingWindow(7);
        window.Add(Day1, Amount.FromUnits(5));
        window.Add(Day1.PlusDays(3), Amount.FromUnits(7));

        window.Prune(Day1.PlusDays(8));

        Assert.Equal(Amount.FromUnits(7), window.Total(Day1.PlusDays(8)));
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() => window.Total(Day1.PlusDays(6))).ParamName);
    }

    [Fact]
    public void Constructor_RejectsAnEmptyWindow() =>
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => new TrailingWindow(0)).ParamName);

    [Fact]
    public void Total_EqualsABruteForceSumOfTheContributionsInsideTheWindow()
    {
        Gen<(int Days, (int Day, int Amount)[] Contributions, int PruneAt, int[] Queries)> cases =
            from days in Gen.Choose(1, 40)
            from contributions in Gen.ArrayOf(Gen.Choose(0, 100).Zip(Gen.Choose(-1_000, 1_000)))
            from pruneAt in Gen.Choose(-1, 120)
            from queries in Gen.NonEmptyListOf(Gen.Choose(0, 140))
            select (days, contributions, pruneAt, queries.ToArray());

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var window = new TrailingWindow(c.Days);
            foreach ((int day, int amount) in c.Contributions)
            {
                window.Add(Day1.PlusDays(day), Amount.FromUnits(amount));
            }

            if (c.PruneAt >= 0)
            {
                window.Prune(Day1.PlusDays(c.PruneAt));
            }

            return c.Queries.Where(q => q >= c.PruneAt).All(q =>
                window.Total(Day1.PlusDays(q)).Units == c.Contributions.Where(x => x.Day > q - c.Days && x.Day <= q).Sum(x => (long)x.Amount));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(10_000));
    }
}
