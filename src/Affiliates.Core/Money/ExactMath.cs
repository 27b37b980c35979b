using System.Numerics;

namespace Affiliates;

/// <summary>Integer multiply-divide without intermediate overflow.</summary>
internal static class ExactMath
{
    private static readonly Int128 FastLimit = (Int128)long.MaxValue;

    /// <summary>
    /// Returns <c>value × numerator / denominator</c> truncated toward zero, and the remainder
    /// (same sign as <paramref name="value"/>), so that quotient × denominator + remainder = value × numerator.
    /// </summary>
    public static Int128 MulDiv(Int128 value, long numerator, long denominator, out Int128 remainder)
    {
        if (denominator <= 0)
        {
            Preconditions.ThrowOutOfRange(nameof(denominator), denominator, "must be positive");
        }

        if (numerator < 0)
        {
            Preconditions.ThrowOutOfRange(nameof(numerator), numerator, "must not be negative");
        }

        // |value| < 2^63 and numerator < 2^63 keep the product below 2^126, inside Int128.
        if (value <= FastLimit && value >= -FastLimit)
        {
            // Most fee arithmetic fits in 64 bits, where division is several times cheaper than Int128's.
            long high = Math.BigMul((long)value, numerator, out long low);
            if (high == low >> 63)
            {
                long quotient64 = low / denominator;
                remainder = low - (quotient64 * denominator);
                return quotient64;
            }

            Int128 product = value * numerator;
            Int128 quotient = product / denominator;
            remainder = product - (quotient * denominator);
            return quotient;
        }

        return MulDivWide(value, numerator, denominator, out remainder);
    }

    /// <summary>Truncating <c>value × numerator / denominator</c>.</summary>
    public static Int128 MulDiv(Int128 value, long numerator, long denominator) =>
        MulDiv(value, numerator, denominator, out _);

    private static Int128 MulDivWide(Int128 value, long numerator, long denominator, out Int128 remainder)
    {
        BigInteger product = (BigInteger)value * numerator;
        BigInteger quotient = BigInteger.DivRem(product, denominator, out BigInteger rest);
        remainder = (Int128)rest;
        return (Int128)quotient;
    }
}
