using Affiliates.Pools;

namespace Affiliates.Tests.Pools;

public class PoolSizingTests
{
    private static readonly Int128 HalfBillionUsd = Asset.Usd.Whole(500_000_000).Units;

    [Fact]
    public void CowAffiliate_HalfABillionOfScoreInTheFirstMonth_Is550000Cow() =>
        Assert.Equal(Asset.Cow.Whole(550_000), PoolSizing.CowAffiliate.PoolFor(0, HalfBillionUsd));

    [Theory]
    [InlineData(0, 550_000)]
    [InlineData(2, 550_000)]
    [InlineData(3, 500_000)]
    [InlineData(12, 500_000)]
    public void CowAffiliate_AddsTheMinimumOnlyInTheFirstThreeEpochs(int epochIndex, long expectedCow) =>
        Assert.Equal(Asset.Cow.Whole(expectedCow), PoolSizing.CowAffiliate.PoolFor(epochIndex, HalfBillionUsd));

    [Fact]
    public void PoolFor_CountsOnlyWholeStepsOfScore()
    {
        Int128 justUnderTwoSteps = Asset.Usd.Whole(2_000).Units - 1;

        Assert.Equal(Asset.Cow.Whole(1), PoolSizing.CowAffiliate.PoolFor(3, justUnderTwoSteps));
        Assert.Equal(Asset.Cow.Whole(50_001), PoolSizing.CowAffiliate.PoolFor(0, justUnderTwoSteps));
    }

    [Fact]
    public void PoolFor_RejectsNegativeEpochOrScore()
    {
        Assert.Equal("epochIndex", Assert.Throws<ArgumentOutOfRangeException>(() => PoolSizing.CowAffiliate.PoolFor(-1, 0)).ParamName);
        Assert.Equal("eligibleScore", Assert.Throws<ArgumentOutOfRangeException>(() => PoolSizing.CowAffiliate.PoolFor(0, -1)).ParamName);
    }

    [Fact]
    public void Constructor_RejectsANonPositiveScoreStep() =>
        Assert.Equal("scorePerStep", Assert.Throws<ArgumentOutOfRangeException>(() => new PoolSizing(Amount.Zero, 0, Amount.FromUnits(1), 0)).ParamName);

    [Fact]
    public void DrawFromAllocation_SpendsAFixedTotalUntilItIsExhausted()
    {
        Amount remaining = Asset.Cow.Whole(1_000_000);
        var pools = new List<Amount>();
        PoolDraw draw;
        do
        {
            draw = PoolSizing.DrawFromAllocation(PoolSizing.CowAffiliate.PoolFor(pools.Count, HalfBillionUsd), remaining);
            pools.Add(draw.Pool);
            remaining = draw.Remaining;
        }
        while (!draw.Exhausted);

        Assert.Equal([Asset.Cow.Whole(550_000), Asset.Cow.Whole(450_000)], pools);
        Assert.Equal(Asset.Cow.Whole(100_000), draw.Shortfall);
        Assert.Equal(PoolSizing.DrawFromAllocation(Asset.Cow.Whole(5), Amount.Zero), new PoolDraw(Amount.Zero, Amount.Zero, Asset.Cow.Whole(5)));
    }

    [Fact]
    public void DrawFromAllocation_RejectsNegativeAmounts() =>
        Assert.Equal("remaining", Assert.Throws<ArgumentOutOfRangeException>(() => PoolSizing.DrawFromAllocation(Amount.Zero, Amount.FromUnits(-1))).ParamName);
}
