using System.Numerics;

namespace Affiliates.Solana.Keys;

/// <summary>The "is this a point on Ed25519" test Solana uses to tell program-derived addresses from wallet keys.</summary>
/// <remarks>
/// Mirrors curve25519-dalek's <c>CompressedEdwardsY::decompress</c>: y is the little-endian value with bit 255 cleared,
/// reduced mod p (non-canonical y is accepted, as dalek does); the point exists iff u/v is a square, where u = y² − 1
/// and v = d·y² + 1. The sign bit never affects validity.
/// </remarks>
internal static class Ed25519Curve
{
    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;
    private static readonly BigInteger D = Mod(-121665 * BigInteger.ModPow(121666, P - 2, P));
    private static readonly BigInteger HalfPMinusOne = (P - 1) / 2;

    public static bool IsOnCurve(ReadOnlySpan<byte> compressed)
    {
        if (compressed.Length != 32)
        {
            throw new ArgumentException($"A compressed Ed25519 point has 32 bytes, not {compressed.Length}.", nameof(compressed));
        }

        Span<byte> copy = stackalloc byte[32];
        compressed.CopyTo(copy);
        copy[31] &= 0x7F;
        BigInteger y = new BigInteger(copy, isUnsigned: true, isBigEndian: false) % P;
        BigInteger y2 = y * y % P;
        BigInteger u = Mod(y2 - 1);
        BigInteger v = Mod((D * y2) + 1);
        if (u.IsZero)
        {
            return true;
        }

        if (v.IsZero)
        {
            return false;
        }

        BigInteger ratio = u * BigInteger.ModPow(v, P - 2, P) % P;
        return BigInteger.ModPow(ratio, HalfPMinusOne, P).IsOne;
    }

    private static BigInteger Mod(BigInteger value)
    {
        BigInteger r = value % P;
        return r.Sign < 0 ? r + P : r;
    }
}
