using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Affiliates.Allocation;

/// <summary>Exact division of an amount into parts that sum back to it.</summary>
public static class Allocator
{
    private const int StackallocLimit = 8;

    private static readonly Int128 LongMax = long.MaxValue;

    /// <summary>
    /// Splits <paramref name="total"/> in proportion to <paramref name="weights"/>, writing one part per weight into
    /// <paramref name="parts"/>.
    /// </summary>
    /// <remarks>
    /// Largest exact remainder (Hamilton's method, Fowler's allocate): every part first gets its exact share
    /// <c>total × weight / Σ weights</c> rounded down, computed without overflow; the few units left over go one each to
    /// the parts with the largest remainders, ties to the lowest index. So the parts sum exactly to
    /// <paramref name="total"/>, each is within one unit of its exact share, a zero weight gets nothing, and a larger
    /// weight never gets less than a smaller one. A negative total (a clawback) is split as its magnitude and every part
    /// negated, so it mirrors the positive split exactly. Allocates nothing for up to 8 parts; above that it rents
    /// scratch space from <see cref="ArrayPool{T}.Shared"/>.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="weights"/> has a negative weight or does not sum to a
    /// positive number, or <paramref name="parts"/> is not as long as <paramref name="weights"/>.</exception>
    /// <exception cref="OverflowException"><paramref name="total"/> is <see cref="Amount.MinValue"/>.</exception>
    public static void Split(Amount total, ReadOnlySpan<long> weights, Span<Amount> parts)
    {
        int count = weights.Length;
        if (parts.Length != count)
        {
            ThrowLengthMismatch(nameof(parts));
        }

        Int128 weightSum = 0;
        foreach (long weight in weights)
        {
            if (weight < 0)
            {
                ThrowBadWeights(nameof(weights), "must not be negative");
            }

            weightSum += weight;
        }

        if (weightSum == 0)
        {
            ThrowBadWeights(nameof(weights), "must have a positive sum");
        }

        bool negative = total.IsNegative;
        Int128 units = negative ? -total.Units : total.Units;

        Int128[]? rented = null;
        Span<Int128> scratch = count <= StackallocLimit
            ? stackalloc Int128[StackallocLimit]
            : (rented = ArrayPool<Int128>.Shared.Rent(2 * count));
        Span<Int128> remainders = scratch[..count];

        Int128 handedOut = 0;
        for (int i = 0; i < count; i++)
        {
            Int128 floor = weightSum <= LongMax
                ? ExactMath.MulDiv(units, weights[i], (long)weightSum, out remainders[i])
                : MulDivWide(units, weights[i], weightSum, out remainders[i]);
            parts[i] = Amount.FromUnits(floor);
            handedOut += floor;
        }

        int leftover = (int)(units - handedOut);
        if (leftover > 0 && rented is null)
        {
            GiveUnitsToLargestRemainders(parts, remainders, leftover);
        }
        else if (leftover > 0)
        {
            Span<Int128> ranked = scratch.Slice(count, count);
            remainders.CopyTo(ranked);
            ranked.Sort();
            Int128 threshold = ranked[count - leftover];
            leftover -= AddUnitWhere(parts, remainders, threshold, leftover, strictlyAbove: true);
            AddUnitWhere(parts, remainders, threshold, leftover, strictlyAbove: false);
        }

        if (rented is not null)
        {
            ArrayPool<Int128>.Shared.Return(rented);
        }

        if (negative)
        {
            foreach (ref Amount part in parts)
            {
                part = -part;
            }
        }
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/>.</summary>
    /// <remarks>Same rule as <see cref="Split(Amount, ReadOnlySpan{long}, Span{Amount})"/>.</remarks>
    /// <returns>One part per weight, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="weights"/> has a negative weight or does not sum to a
    /// positive number.</exception>
    public static Amount[] Split(Amount total, IReadOnlyList<long> weights)
    {
        Preconditions.NotNull(weights);
        long[] copy = [.. weights];
        var parts = new Amount[copy.Length];
        Split(total, copy, parts);
        return parts;
    }

    /// <summary>
    /// Gives each party its share of <paramref name="total"/> and the rest to a residual party.
    /// </summary>
    /// <remarks>
    /// Each part is <c>total × share</c> truncated toward zero (so each is within one unit of its exact share and a
    /// negative total mirrors the positive one); <paramref name="residual"/> is <c>total − Σ parts</c>, which takes every
    /// unit the truncation and any unassigned share leave over. Because the shares sum to at most 100 %, the residual has
    /// the sign of <paramref name="total"/> (or is zero).
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="shares"/> sum to more than 100 %, or
    /// <paramref name="parts"/> is not as long as <paramref name="shares"/>.</exception>
    public static void SplitWithResidual(Amount total, ReadOnlySpan<Rate> shares, Span<Amount> parts, out Amount residual)
    {
        if (parts.Length != shares.Length)
        {
            ThrowLengthMismatch(nameof(parts));
        }

        long shareSum = 0;
        foreach (Rate share in shares)
        {
            shareSum += share.PartsPerMillion;
        }

        if (shareSum > Rate.PartsPerMillionScale)
        {
            throw new ArgumentException($"shares sum to {shareSum} ppm, more than 100 %.", nameof(shares));
        }

        Amount taken = Amount.Zero;
        for (int i = 0; i < shares.Length; i++)
        {
            parts[i] = total.Times(shares[i]);
            taken += parts[i];
        }

        residual = total - taken;
    }

    // Few parts: repeatedly pick the largest remainder left (strict comparison keeps the lowest index on ties).
    private static void GiveUnitsToLargestRemainders(Span<Amount> parts, Span<Int128> remainders, int leftover)
    {
        for (; leftover > 0; leftover--)
        {
            int best = 0;
            for (int i = 1; i < remainders.Length; i++)
            {
                if (remainders[i] > remainders[best])
                {
                    best = i;
                }
            }

            parts[best] += Amount.FromUnits(1);
            remainders[best] = -1;
        }
    }

    // Many parts: find the remainder of the last unit's recipient, then hand units above it, then at it by index.
    private static int AddUnitWhere(Span<Amount> parts, ReadOnlySpan<Int128> remainders, Int128 threshold, int limit, bool strictlyAbove)
    {
        int given = 0;
        for (int i = 0; i < parts.Length && given < limit; i++)
        {
            if (strictlyAbove ? remainders[i] > threshold : remainders[i] == threshold)
            {
                parts[i] += Amount.FromUnits(1);
                given++;
            }
        }

        return given;
    }

    // Only reached when the weights sum beyond 63 bits; the remainder is below that sum, so it fits in Int128.
    private static Int128 MulDivWide(Int128 value, long numerator, Int128 denominator, out Int128 remainder)
    {
        BigInteger quotient = BigInteger.DivRem((BigInteger)value * numerator, (BigInteger)denominator, out BigInteger rest);
        remainder = (Int128)rest;
        return (Int128)quotient;
    }

    [DoesNotReturn]
    private static void ThrowBadWeights(string paramName, string problem) =>
        throw new ArgumentException($"{paramName} {problem}.", paramName);

    [DoesNotReturn]
    private static void ThrowLengthMismatch(string paramName) =>
        throw new ArgumentException($"{paramName} must have one slot per weight or share.", paramName);
}
