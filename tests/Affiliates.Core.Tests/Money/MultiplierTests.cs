namespace Affiliates.Tests.Money;

public class MultiplierTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1_000_000)]
    [InlineData("1.25", 1_250_000)]
    [InlineData("0.000001", 1)]
    [InlineData("1000", 1_000_000_000)]
    public void Parse_ReadsTheFactorExactly(string text, long millionths) =>
        Assert.Equal(millionths, Multiplier.Parse(text).Millionths);

    [Fact]
    public void Parse_AboveTheMaximum_IsRefusedNamingTheText()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Multiplier.Parse("1000.000001"));
        Assert.Equal("text", error.ParamName);
        Assert.Contains("x1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SevenDecimals_IsAFormatError() =>
        Assert.Throws<AmountFormatException>(() => Multiplier.Parse("1.0000001"));

    [Theory]
    [InlineData(0)]
    [InlineData(Multiplier.MaxMillionths)]
    public void FromMillionths_AcceptsTheBounds(long millionths) =>
        Assert.Equal(millionths, Multiplier.FromMillionths(millionths).Millionths);

    [Theory]
    [InlineData(-1)]
    [InlineData(Multiplier.MaxMillionths + 1)]
    public void FromMillionths_OutsideTheBounds_IsRefusedByName(long millionths)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Multiplier.FromMillionths(millionths));
        Assert.Equal("millionths", error.ParamName);
    }

    [Fact]
    public void One_IsTheIdentity_AndDefaultIsZero()
    {
        Assert.Equal(Multiplier.Scale, Multiplier.One.Millionths);
        Assert.Equal(0, default(Multiplier).Millionths);
    }

    [Theory]
    [InlineData("1.25", "x1.25")]
    [InlineData("2", "x2")]
    [InlineData("0.000001", "x0.000001")]
    public void ToString_WritesTheShortestExactFactor(string text, string expected) =>
        Assert.Equal(expected, Multiplier.Parse(text).ToString());
}
