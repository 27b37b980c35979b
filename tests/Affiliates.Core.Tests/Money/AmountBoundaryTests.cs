namespace Affiliates.Tests.Money;

/// <summary>The edges of exact parsing and formatting: the largest amount, signs, white space, decimals.</summary>
public class AmountBoundaryTests
{
    private const string Int128Max = "170141183460469231731687303715884105727";

    [Fact]
    public void Parse_TheLargestAmount_IsExact() =>
        Assert.Equal(Int128.MaxValue, Amount.Parse(Int128Max, 0).Units);

    [Theory]
    [InlineData("170141183460469231731687303715884105728", 0)]
    [InlineData("17014118346046923173168730371588410573", 1)]
    [InlineData("1701411834604692317316873037158841057.28", 2)]
    public void Parse_OneUnitPastTheLargest_IsAnOverflow(string text, int decimals)
    {
        Assert.False(Amount.TryParse(text, decimals, out Amount amount, out AmountFormatError error));
        Assert.Equal(AmountFormatError.Overflow, error);
        Assert.Equal(Amount.Zero, amount);
    }

    [Fact]
    public void Parse_TheLargestAmount_WithDecimals_IsExact() =>
        Assert.Equal(Int128.MaxValue, Amount.Parse("17014118346046923173168730371588410572.7", 1).Units);

    [Theory]
    [InlineData("+5", 0, 5)]
    [InlineData("  7  ", 0, 7)]
    [InlineData("5.", 2, 500)]
    [InlineData("0.10", 1, 1)]
    [InlineData("007", 0, 7)]
    public void Parse_AcceptsThePlainVariants(string text, int decimals, long units) =>
        Assert.Equal(units, Amount.Parse(text, decimals).Units);

    [Theory]
    [InlineData("-", AmountFormatError.Malformed)]
    [InlineData("-x", AmountFormatError.Malformed)]
    [InlineData("-.5", AmountFormatError.Negative)]
    [InlineData("+", AmountFormatError.Malformed)]
    [InlineData("+-1", AmountFormatError.Malformed)]
    [InlineData("1 000", AmountFormatError.Malformed)]
    [InlineData("١", AmountFormatError.Malformed)]
    [InlineData(null, AmountFormatError.Empty)]
    public void TryParse_RefusesWithTheReason(string? text, AmountFormatError expected)
    {
        Assert.False(Amount.TryParse(text, 2, out _, out AmountFormatError error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_Valid_ReportsNoError()
    {
        Assert.True(Amount.TryParse("1.5", 1, out Amount amount, out AmountFormatError error));
        Assert.Equal(AmountFormatError.None, error);
        Assert.Equal(15, amount.Units);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(31)]
    public void Decimals_OutsideZeroToThirty_AreRefusedByName(int decimals)
    {
        Assert.Equal("decimals", Assert.Throws<ArgumentOutOfRangeException>(() => Amount.Parse("1", decimals)).ParamName);
        Assert.Equal("decimals", Assert.Throws<ArgumentOutOfRangeException>(() => Amount.FromUnits(1).Format(decimals)).ParamName);
        Assert.Equal("decimals", Assert.Throws<ArgumentOutOfRangeException>(() => Amount.FromWhole(1, decimals)).ParamName);
    }

    [Theory]
    [InlineData(0, 0, "0")]
    [InlineData(-1, 2, "-0.01")]
    [InlineData(-150, 2, "-1.5")]
    [InlineData(100, 2, "1")]
    [InlineData(1, 30, "0.000000000000000000000000000001")]
    public void Format_WritesTheShortestExactText(long units, int decimals, string expected) =>
        Assert.Equal(expected, Amount.FromUnits(units).Format(decimals));

    [Fact]
    public void Format_TheSmallestAmount_KeepsEveryDigit() =>
        Assert.Equal("-" + "17014118346046923173168730371588410572.8", Amount.MinValue.Format(1));

    [Fact]
    public void FromWhole_ScalesByTheDecimals_AndRefusesOverflow()
    {
        Assert.Equal(49_000_000, Amount.FromWhole(49, 6).Units);
        Assert.Throws<OverflowException>(() => Amount.FromWhole(long.MaxValue, 30));
    }

    [Fact]
    public void Arithmetic_IsChecked_AtBothEnds()
    {
        Assert.Throws<OverflowException>(() => Amount.MaxValue + Amount.FromUnits(1));
        Assert.Throws<OverflowException>(() => Amount.MinValue - Amount.FromUnits(1));
        Assert.Throws<OverflowException>(() => -Amount.MinValue);
        Assert.Throws<OverflowException>(() => Amount.MaxValue * 2);
        Assert.Equal(Amount.FromUnits(3), Amount.Add(Amount.FromUnits(1), Amount.FromUnits(2)));
        Assert.Equal(Amount.FromUnits(-1), Amount.Subtract(Amount.FromUnits(1), Amount.FromUnits(2)));
        Assert.Equal(Amount.FromUnits(-4), Amount.Negate(Amount.FromUnits(4)));
        Assert.Equal(Amount.FromUnits(12), Amount.Multiply(Amount.FromUnits(4), 3));
    }

    [Theory]
    [InlineData(-1, false, true, false)]
    [InlineData(0, true, false, false)]
    [InlineData(1, false, false, true)]
    public void Sign_IsReportedExactly(long units, bool zero, bool negative, bool positive)
    {
        Amount amount = Amount.FromUnits(units);
        Assert.Equal((zero, negative, positive), (amount.IsZero, amount.IsNegative, amount.IsPositive));
    }

    [Fact]
    public void ToString_IsTheInvariantUnits() =>
        Assert.Equal(Int128Max, Amount.MaxValue.ToString());
}
