namespace Affiliates.Tests.Money;

public class AmountParsingTests
{
    [Theory]
    [InlineData("1.5", 6, 1_500_000)]
    [InlineData("0.000001", 6, 1)]
    [InlineData(".5", 6, 500_000)]
    [InlineData("49", 6, 49_000_000)]
    [InlineData("1.500000000", 6, 1_500_000)]
    [InlineData("50", 9, 50_000_000_000)]
    public void Parse_ReadsExactBaseUnits(string text, int decimals, long expected) =>
        Assert.Equal(Amount.FromUnits(expected), Amount.Parse(text, decimals));

    [Theory]
    [InlineData("", AmountFormatError.Empty)]
    [InlineData("   ", AmountFormatError.Empty)]
    [InlineData("-1", AmountFormatError.Negative)]
    [InlineData("1.0000001", AmountFormatError.TooManyDecimals)]
    [InlineData("1e3", AmountFormatError.Malformed)]
    [InlineData("1,5", AmountFormatError.Malformed)]
    [InlineData("1.2.3", AmountFormatError.Malformed)]
    [InlineData("0x10", AmountFormatError.Malformed)]
    [InlineData(".", AmountFormatError.Malformed)]
    [InlineData("999999999999999999999999999999999999999", AmountFormatError.Overflow)]
    public void Parse_RejectsBadText_WithReason(string text, AmountFormatError expected)
    {
        AmountFormatException ex = Assert.Throws<AmountFormatException>(() => Amount.Parse(text, 6));
        Assert.Equal(expected, ex.Error);
        Assert.Equal(text, ex.Input);
    }

    [Fact]
    public void Wei_AboveSixtyFourBits_RoundTrips()
    {
        Amount amount = Asset.Eth.Parse("123456789.123456789123456789");
        Assert.True(amount.Units > ulong.MaxValue);
        Assert.Equal("123456789.123456789123456789", Asset.Eth.Format(amount));
    }
}
