using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Affiliates.Tests.Money;

/// <summary>MulDiv equals the exact quotient in every regime it has a path for: 64-bit, 128-bit product, and wide.</summary>
public class ExactMathProperties
{
    private static readonly Gen<Int128> Values = Gen.OneOf(
        Gen.Choose(-1_000_000, 1_000_000).Select(v => (Int128)v),
        ArbMap.Default.GeneratorFor<long>().Select(v => (Int128)v),
        from hi in ArbMap.Default.GeneratorFor<long>()
        from lo in ArbMap.Default.GeneratorFor<ulong>()
        select (Int128)hi << 64 >> 2 | lo);

    private static readonly Gen<long> Numerators = Gen.OneOf(
        Gen.Choose(0, 1_000_000).Select(n => (long)n),
        ArbMap.Default.GeneratorFor<long>().Select(n => n == long.MinValue ? long.MaxValue : Math.Abs(n)));

    private static readonly Gen<long> Denominators = Gen.OneOf(
        Gen.Choose(1, 1_000_000).Select(d => (long)d),
        ArbMap.Default.GeneratorFor<long>().Select(d => d == long.MinValue ? long.MaxValue : Math.Max(1, Math.Abs(d))));

    [Property(MaxTest = 10_000)]
    public Property MulDiv_IsTheTruncatedExactQuotient_WithItsRemainder() =>
        Prop.ForAll(Arb.From(Values), Arb.From(Numerators), Arb.From(Denominators), (value, numerator, denominator) =>
        {
            BigInteger product = (BigInteger)value * numerator;
            BigInteger expected = BigInteger.DivRem(product, denominator, out BigInteger rest);
            if (expected > (BigInteger)Int128.MaxValue || expected < (BigInteger)Int128.MinValue)
            {
                return true;
            }

            Int128 quotient = ExactMath.MulDiv(value, numerator, denominator, out Int128 remainder);
            return (BigInteger)quotient == expected && (BigInteger)remainder == rest
                && ExactMath.MulDiv(value, numerator, denominator) == quotient;
        });

    [Theory]
    [InlineData(long.MaxValue, long.MaxValue, 3)]
    [InlineData(long.MinValue + 1, long.MaxValue, 7)]
    [InlineData(-3_037_000_500, 3_037_000_500, 1)]
    public void MulDiv_AProductPastSixtyFourBits_TakesTheWidePath_Exactly(long value, long numerator, long denominator)
    {
        BigInteger expected = BigInteger.DivRem((BigInteger)value * numerator, denominator, out BigInteger rest);
        Assert.Equal(expected, (BigInteger)ExactMath.MulDiv(value, numerator, denominator, out Int128 remainder));
        Assert.Equal(rest, (BigInteger)remainder);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void MulDiv_ANonPositiveDenominator_IsRefusedByName(long denominator) =>
        Assert.Equal("denominator", Assert.Throws<ArgumentOutOfRangeException>(() => ExactMath.MulDiv(1, 1, denominator)).ParamName);

    [Fact]
    public void MulDiv_ANegativeNumerator_IsRefusedByName() =>
        Assert.Equal("numerator", Assert.Throws<ArgumentOutOfRangeException>(() => ExactMath.MulDiv(1, -1, 1)).ParamName);

    [Fact]
    public void MulDiv_AZeroNumerator_IsZero() =>
        Assert.Equal(Int128.Zero, ExactMath.MulDiv(Int128.MaxValue, 0, 1));
}
