using Affiliates.Allocation;

namespace Affiliates.Tests.Allocation;

public class SplitTests
{
    [Theory]
    [InlineData(100, new long[] { 1, 1, 1 }, new long[] { 34, 33, 33 })]
    [InlineData(-100, new long[] { 1, 1, 1 }, new long[] { -34, -33, -33 })]
    [InlineData(5, new long[] { 1, 3 }, new long[] { 1, 4 })]
    [InlineData(10, new long[] { 0, 7, 0, 3 }, new long[] { 0, 7, 0, 3 })]
    [InlineData(0, new long[] { 2, 5 }, new long[] { 0, 0 })]
    [InlineData(7, new long[] { 1 }, new long[] { 7 })]
    [InlineData(2, new long[] { 1, 1, 1 }, new long[] { 1, 1, 0 })]
    public void Split_HandsLeftoverUnitsToLargestRemaindersThenLowestIndex(long total, long[] weights, long[] expected) =>
        Assert.Equal(expected.Select(Amount.FromUnits), Allocator.Split(Amount.FromUnits(total), weights));

    [Fact]
    public void Split_WithLargestRemainderLast_GivesItTheUnit()
    {
        // Exact shares 3.3, 3.3, 3.4: the single leftover unit goes to the last party, not the first.
        Assert.Equal([3, 3, 4], Allocator.Split(Amount.FromUnits(10), [33, 33, 34]).Select(p => (long)p.Units));
    }

    [Fact]
    public void Split_WithWeightsSummingBeyondLong_StaysExact()
    {
        Amount[] parts = Allocator.Split(Amount.FromUnits(3), [long.MaxValue, long.MaxValue, long.MaxValue]);

        Assert.Equal([1, 1, 1], parts.Select(p => (long)p.Units));
    }

    [Fact]
    public void Split_OverManyParties_UsesRentedScratchAndStaysExact()
    {
        long[] weights = [.. Enumerable.Range(1, 200).Select(i => (long)i)];

        Amount[] parts = Allocator.Split(Amount.FromUnits(1_000_003), weights);

        Assert.Equal(Amount.FromUnits(1_000_003), parts.Aggregate(Amount.Zero, (a, b) => a + b));
        Assert.True(parts.Zip(parts.Skip(1)).All(pair => pair.First <= pair.Second));
    }

    [Fact]
    public void Split_WithNegativeWeight_ThrowsNamingWeights()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => Allocator.Split(Amount.FromUnits(10), [3, -1, 2]));
        Assert.Equal("weights", ex.ParamName);
    }

    [Theory]
    [InlineData(new long[] { 0, 0 })]
    [InlineData(new long[0])]
    public void Split_WithoutPositiveWeightSum_ThrowsNamingWeights(long[] weights)
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => Allocator.Split(Amount.FromUnits(10), weights));
        Assert.Equal("weights", ex.ParamName);
    }

    [Fact]
    public void Split_WithTooFewParts_ThrowsNamingParts()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => Allocator.Split(Amount.FromUnits(10), [1, 2], new Amount[1]));
        Assert.Equal("parts", ex.ParamName);
    }

    [Fact]
    public void Split_WithNullWeights_Throws() =>
        Assert.Throws<ArgumentNullException>(() => Allocator.Split(Amount.FromUnits(10), (IReadOnlyList<long>)null!));

    [Fact]
    public void SplitWithResidual_GivesTruncationUnitsToResidual()
    {
        var parts = new Amount[2];
        Allocator.SplitWithResidual(Amount.FromUnits(999), [Rate.FromPercent(20), Rate.FromPercent(30)], parts, out Amount residual);

        Assert.Equal([199, 299], parts.Select(p => (long)p.Units));
        Assert.Equal(Amount.FromUnits(501), residual);
    }

    [Fact]
    public void SplitWithResidual_WithSharesAbove100Percent_ThrowsNamingShares()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(
            () => Allocator.SplitWithResidual(Amount.FromUnits(10), [Rate.FromPercent(60), Rate.FromPartsPerMillion(400_001)], new Amount[2], out _));
        Assert.Equal("shares", ex.ParamName);
    }

    [Fact]
    public void SplitWithResidual_WithTooFewParts_ThrowsNamingParts()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(
            () => Allocator.SplitWithResidual(Amount.FromUnits(10), [Rate.FromPercent(60)], [], out _));
        Assert.Equal("parts", ex.ParamName);
    }
}
