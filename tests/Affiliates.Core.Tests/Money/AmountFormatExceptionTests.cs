namespace Affiliates.Tests.Money;

public class AmountFormatExceptionTests
{
    [Theory]
    [InlineData("", AmountFormatError.Empty, "'' is not a valid amount with 6 decimals: the text is empty.")]
    [InlineData("1,5", AmountFormatError.Malformed, "'1,5' is not a valid amount with 6 decimals: expected digits with at most one decimal point.")]
    [InlineData("-1", AmountFormatError.Negative, "'-1' is not a valid amount with 6 decimals: amounts cannot be negative.")]
    [InlineData("1.0000001", AmountFormatError.TooManyDecimals, "'1.0000001' is not a valid amount with 6 decimals: too many fractional digits.")]
    [InlineData("999999999999999999999999999999999999999", AmountFormatError.Overflow, "'999999999999999999999999999999999999999' is not a valid amount with 6 decimals: the value is too large.")]
    public void Parse_SaysWhatIsWrong_InOneSentence(string text, AmountFormatError error, string message)
    {
        var exception = Assert.Throws<AmountFormatException>(() => Amount.Parse(text, 6));
        Assert.Equal(message, exception.Message);
        Assert.Equal(text, exception.Input);
        Assert.Equal(6, exception.Decimals);
        Assert.Equal(error, exception.Error);
    }

    [Fact]
    public void AnErrorWithoutAProseDescription_IsNamed() =>
        Assert.EndsWith(": None.", new AmountFormatException("x", 2, AmountFormatError.None).Message, StringComparison.Ordinal);
}
