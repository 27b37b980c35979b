using Affiliates.Pools;

namespace Affiliates.Tests.Pools;

public class PoolDistributorTests
{
    private static readonly Rate TwentyPercent = Rate.FromPercent(20);

    [Fact]
    public void Distribute_WithoutBindingCap_SplitsProRata()
    {
        PoolDistribution result = PoolDistributor.Distribute(Amount.FromUnits(1_000), Scores(10, 20, 30, 40), Rate.FromPercent(50));

        Assert.Equal(Units(100, 200, 300, 400), Rewards(result));
        Assert.All(result.Shares, share => Assert.False(share.Capped));
        Assert.Equal(Amount.FromUnits(1_000), result.Distributed);
        Assert.Equal(Amount.Zero, result.Unallocated);
    }

    [Fact]
    public void Distribute_WhenEveryScoredParticipantIsCapped_LeavesTheRestUnallocated()
    {
        // 90 would get 900 of 1 000: capped at 200; the 800 left over 5/5 is 400 each: both capped at 200 too.
        PoolDistribution result = PoolDistributor.Distribute(Amount.FromUnits(1_000), Scores(90, 5, 5), TwentyPercent);

        Assert.Equal(Units(200, 200, 200), Rewards(result));
        Assert.All(result.Shares, share => Assert.True(share.Capped));
        Assert.Equal(Amount.FromUnits(600), result.Distributed);
        Assert.Equal(Amount.FromUnits(400), result.Unallocated);
        Assert.Equal(3, result.Totals.CappedCount);
        Assert.Equal(Amount.FromUnits(200), result.Totals.ParticipantCap);
    }

    [Fact]
    public void Distribute_RedistributesTheCappedExcessProRata()
    {
        // 50 of 100 would get 500 > cap 400; the 600 left goes 30:20.
        PoolDistribution result = PoolDistributor.Distribute(Amount.FromUnits(1_000), Scores(50, 30, 20), Rate.FromPercent(40));

        Assert.Equal(Units(400, 360, 240), Rewards(result));
        Assert.Equal([true, false, false], result.Shares.Select(s => s.Capped));
        Assert.Equal(Amount.Zero, result.Unallocated);
    }

    [Fact]
    public void Distribute_CapsAgain_WhenRedistributionPushesSomeoneOverTheCap()
    {
        // Cap 300. 60 → 600: capped. 700 over 25/10/5: 25 → 437.5: capped. 400 over 10/5: 266⅔ and 133⅓;
        // the one leftover unit goes to the larger remainder (⅔).
        PoolDistribution result = PoolDistributor.Distribute(Amount.FromUnits(1_000), Scores(60, 25, 10, 5), Rate.FromPercent(30));

        Assert.Equal(Units(300, 300, 267, 133), Rewards(result));
        Assert.Equal([true, true, false, false], result.Shares.Select(s => s.Capped));
        Assert.Equal(Amount.FromUnits(1_000), result.Distributed);
    }

    [Fact]
    public void Distribute_GivesLeftoverUnitsToLargestRemainders_TiesToLowerIndex()
    {
        PoolDistribution result = PoolDistributor.Distribute(Amount.FromUnits(10), Scores(1, 1, 1), Rate.Full);

        Assert.Equal(Units(4, 3, 3), Rewards(result));
    }

    [Fact]
    public void Distribute_WithZeroTotalScore_LeavesThePoolUnallocated()
    {
        PoolDistribution result = PoolDistributor.Distribute(Amount.FromUnits(1_000), Scores(0, 0), TwentyPercent);

        Assert.Equal(Units(0, 0), Rewards(result));
        Assert.Equal(Amount.FromUnits(1_000), result.Unallocated);
    }

    [Fact]
    public void Distribute_WithNoParticipants_LeavesThePoolUnallocated()
    {
        PoolDistribution result = PoolDistributor.Distribute(Amount.FromUnits(1_000), Scores(), TwentyPercent);

        Assert.Empty(result.Shares);
        Assert.Equal(Amount.FromUnits(1_000), result.Unallocated);
    }

    [Fact]
    public void Distribute_HandlesWeiPoolsAndScoresWhoseProductExceeds128Bits()
    {
        Amount pool = Asset.Cow.Whole(550_000);
        Int128 huge = Int128.MaxValue / 8;
        PoolDistribution result = PoolDistributor.Distribute(pool, Scores(huge, huge, huge, huge, huge), TwentyPercent);

        Assert.All(result.Shares, share => Assert.Equal(Asset.Cow.Whole(110_000), share.Reward));
        Assert.Equal(pool, result.Distributed);
    }

    [Fact]
    public void Distribute_RejectsScoresWhoseSumOverflows() =>
        Assert.Throws<OverflowException>(() => PoolDistributor.Distribute(Amount.FromUnits(1), Scores(Int128.MaxValue, 1), TwentyPercent));

    [Fact]
    public void Distribute_IntoSpan_MatchesTheAllocatingOverload()
    {
        Int128[] scores = [7, 3, 90, 0, 11];
        var shares = new PoolShare[scores.Length];

        PoolTotals totals = PoolDistributor.Distribute(Amount.FromUnits(12_345), scores, Rate.FromPercent(25), shares);
        PoolDistribution expected = PoolDistributor.Distribute(Amount.FromUnits(12_345), scores.ToList(), Rate.FromPercent(25));

        Assert.Equal(expected.Shares, shares);
        Assert.Equal(expected.Totals, totals);
    }

    [Fact]
    public void Distribute_RejectsNegativeScore_NamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => PoolDistributor.Distribute(Amount.FromUnits(1_000), Scores(5, -1), TwentyPercent));
        Assert.Equal("scores", ex.ParamName);
        Assert.Contains("[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Distribute_RejectsZeroCap() =>
        Assert.Equal("cap", Assert.Throws<ArgumentOutOfRangeException>(() => PoolDistributor.Distribute(Amount.FromUnits(1_000), Scores(1), Rate.Zero)).ParamName);

    [Fact]
    public void Distribute_RejectsNegativePool() =>
        Assert.Equal("pool", Assert.Throws<ArgumentOutOfRangeException>(() => PoolDistributor.Distribute(Amount.FromUnits(-1), Scores(1), TwentyPercent)).ParamName);

    [Fact]
    public void Distribute_RejectsShareSpanOfWrongLength() =>
        Assert.Equal("shares", Assert.Throws<ArgumentException>(() => PoolDistributor.Distribute(Amount.FromUnits(1), [1, 2], TwentyPercent, new PoolShare[1])).ParamName);

    private static Int128[] Scores(params Int128[] scores) => scores;

    private static Amount[] Units(params long[] units) => [.. units.Select(Amount.FromUnits)];

    private static Amount[] Rewards(PoolDistribution result) => [.. result.Shares.Select(s => s.Reward)];
}
