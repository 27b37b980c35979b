namespace Affiliates.Tests.Money;

public class RateTests
{
    [Fact]
    public void BasisPoints_ConvertExactlyToPartsPerMillion()
    {
        Rate rate = Rate.FromBasisPoints(1234);
        Assert.Equal(123_400, rate.PartsPerMillion);
        Assert.Equal(1234, rate.ToBasisPoints());
        Assert.Equal("12.34%", rate.ToString());
    }

    [Fact]
    public void PartsPerMillion_ThatAreNotWholeBasisPoints_Sayso()
    {
        Rate rate = Rate.FromPartsPerMillion(150);
        Assert.False(rate.TryGetBasisPoints(out _));
        Assert.Throws<InvalidOperationException>(() => rate.ToBasisPoints());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void FromBasisPoints_OutsideZeroToTenThousand_NamesTheArgument(int bps)
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => Rate.FromBasisPoints(bps));
        Assert.Equal("basisPoints", ex.ParamName);
    }

    [Fact]
    public void Times_TruncatesTowardZero_SoClawbacksMirrorShares()
    {
        Rate rate = Rate.FromPercent(30);
        Assert.Equal(Amount.FromUnits(3), Amount.FromUnits(11).Times(rate));
        Assert.Equal(Amount.FromUnits(-3), Amount.FromUnits(-11).Times(rate));
    }

    [Fact]
    public void Times_OnWeiBeyondSixtyFourBits_IsExact()
    {
        Amount total = Amount.FromUnits(Int128.Parse("340282366920938463463374607431768211", System.Globalization.CultureInfo.InvariantCulture));
        Amount share = total.Times(Rate.FromPercent(25));
        Assert.Equal(Int128.Parse("85070591730234615865843651857942052", System.Globalization.CultureInfo.InvariantCulture), share.Units);
    }

    [Fact]
    public void Multiplier_ParsesExactly_AndRejectsJunk()
    {
        Assert.Equal(1_250_000, Multiplier.Parse("1.25").Millionths);
        Assert.Equal("x1.5", Multiplier.Parse("1.5").ToString());
        Assert.Equal(AmountFormatError.TooManyDecimals, Assert.Throws<AmountFormatException>(() => Multiplier.Parse("1.0000001")).Error);
        Assert.Equal(AmountFormatError.Negative, Assert.Throws<AmountFormatException>(() => Multiplier.Parse("-1")).Error);
        Assert.Throws<ArgumentOutOfRangeException>(() => Multiplier.Parse("1000.000001"));
    }

    [Fact]
    public void Asset_RejectsImpossibleDecimals()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Asset(Chains.Solana, "X", 31));
        Assert.Throws<ArgumentException>(() => new Asset(" ", "X", 6));
    }

    [Fact]
    public void Amount_Overflow_Throws_InsteadOfWrapping()
    {
        Assert.Throws<OverflowException>(() => Amount.MaxValue + Amount.FromUnits(1));
        Assert.Throws<OverflowException>(() => -Amount.MinValue);
    }
}
