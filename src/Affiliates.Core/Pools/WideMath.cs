using System.Numerics;

namespace Affiliates.Pools;

/// <summary>Products of two non-negative 128-bit integers, which may need up to 256 bits.</summary>
internal static class WideMath
{
    /// <summary>Returns floor(a × b / c) and the remainder, for non-negative a, b and positive c with b ≤ c.</summary>
    public static Int128 MulDiv(Int128 a, Int128 b, Int128 c, out Int128 remainder)
    {
        UInt128 ua = (UInt128)a;
        UInt128 ub = (UInt128)b;
        if (FitsIn128Bits(ua, ub))
        {
            UInt128 uc = (UInt128)c;
            UInt128 product = ua * ub;
            UInt128 quotient = product / uc;
            remainder = (Int128)(product - (quotient * uc));
            return (Int128)quotient;
        }

        BigInteger wide = BigInteger.DivRem((BigInteger)a * b, c, out BigInteger rest);
        remainder = (Int128)rest;
        return (Int128)wide;
    }

    /// <summary>Returns true when a × b &gt; c × d, for non-negative a, b, c, d.</summary>
    public static bool ProductExceeds(Int128 a, Int128 b, Int128 c, Int128 d)
    {
        if (FitsIn128Bits((UInt128)a, (UInt128)b) && FitsIn128Bits((UInt128)c, (UInt128)d))
        {
            return (UInt128)a * (UInt128)b > (UInt128)c * (UInt128)d;
        }

        return (BigInteger)a * b > (BigInteger)c * d;
    }

    // a < 2^(128 − lz(a)) and b < 2^(128 − lz(b)), so the product is below 2^128 when the leading zeros add up to 128.
    private static bool FitsIn128Bits(UInt128 a, UInt128 b) =>
        UInt128.LeadingZeroCount(a) + UInt128.LeadingZeroCount(b) >= 128;
}
