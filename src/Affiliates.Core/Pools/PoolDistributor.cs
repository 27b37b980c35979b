using System.Buffers;
using System.Runtime.InteropServices;

namespace Affiliates.Pools;

/// <summary>
/// Distributes a reward pool pro rata to non-negative integer scores, with no participant above a cap.
/// </summary>
/// <remarks>
/// <para>
/// The cap per participant is floor(pool × cap). Water-filling: a participant whose pro-rata share exceeds the cap is
/// held at the cap and the excess is shared pro rata among the others, repeated until nobody exceeds it. Capping only
/// raises the others' shares, so the capped participants are exactly the highest scores; they are found by selecting and sorting only the top floor(pool / cap) scores.
/// What nobody can take (every participant with a score capped, or no score at all) is <see cref="PoolTotals.Unallocated"/>.
/// </para>
/// <para>
/// Rounding: each uncapped participant first gets the floor of their exact share of what the capped ones left; the
/// leftover units (fewer than the number of uncapped participants) go one each to the largest exact remainders, ties
/// to the lower index. An uncapped exact share is at most the cap, so a floored share that receives a unit was below
/// it and never passes it. Every uncapped reward is therefore within one unit of its exact share, and a higher score
/// never receives less; equal scores may differ by one unit.
/// </para>
/// </remarks>
public static class PoolDistributor
{
    /// <summary>Distributes <paramref name="pool"/> over <paramref name="scores"/> with at most <paramref name="cap"/> of the pool each.</summary>
    /// <param name="pool">The pool, in base units of the reward asset.</param>
    /// <param name="scores">One non-negative score per participant (for example USD micro-units of eligible volume).</param>
    /// <param name="cap">The most any participant may receive, as a share of the pool; above zero.</param>
    /// <exception cref="ArgumentOutOfRangeException">The pool is negative, a score is negative, or the cap is zero.</exception>
    /// <exception cref="OverflowException">The scores add up to more than <see cref="Int128.MaxValue"/>.</exception>
    public static PoolDistribution Distribute(Amount pool, IReadOnlyList<Int128> scores, Rate cap)
    {
        ReadOnlySpan<Int128> span = Preconditions.NotNull(scores) switch
        {
            Int128[] array => array,
            List<Int128> list => CollectionsMarshal.AsSpan(list),
            _ => scores.ToArray(),
        };
        var shares = new PoolShare[span.Length];
        PoolTotals totals = Distribute(pool, span, cap, shares);
        return new PoolDistribution(shares, totals);
    }

    /// <summary>Distributes <paramref name="pool"/> over <paramref name="scores"/>, writing each participant's share into <paramref name="shares"/>.</summary>
    /// <param name="pool">The pool, in base units of the reward asset.</param>
    /// <param name="scores">One non-negative score per participant.</param>
    /// <param name="cap">The most any participant may receive, as a share of the pool; above zero.</param>
    /// <param name="shares">Receives one share per score, in the same order; must have the same length.</param>
    /// <exception cref="ArgumentOutOfRangeException">The pool is negative, a score is negative, or the cap is zero.</exception>
    /// <exception cref="ArgumentException"><paramref name="shares"/> is not as long as <paramref name="scores"/>.</exception>
    /// <exception cref="OverflowException">The scores add up to more than <see cref="Int128.MaxValue"/>.</exception>
    public static PoolTotals Distribute(Amount pool, ReadOnlySpan<Int128> scores, Rate cap, Span<PoolShare> shares)
    {
        Preconditions.NotNegative(pool.Units, nameof(pool));
        if (cap == Rate.Zero)
        {
            Preconditions.ThrowOutOfRange(nameof(cap), cap, "must be above zero");
        }

        if (shares.Length != scores.Length)
        {
            throw new ArgumentException($"Expected {scores.Length} shares, one per score, but got {shares.Length}.", nameof(shares));
        }

        Int128 totalScore = 0;
        Int128 maxScore = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            Int128 score = scores[i];
            if (score < 0)
            {
                Preconditions.ThrowOutOfRange(nameof(scores), score, $"[{i}] must not be negative");
            }

            totalScore += score;
            maxScore = Int128.Max(maxScore, score);
        }

        Int128 participantCap = pool.Times(cap).Units;
        Int128 left = pool.Units;
        Int128 uncappedScore = totalScore;
        Int128 capFrom = Int128.MaxValue;
        int cappedCount = 0;
        Int128[] buffer = [];
        try
        {
            if (WideMath.ProductExceeds(maxScore, left, participantCap, uncappedScore))
            {
                buffer = ArrayPool<Int128>.Shared.Rent(scores.Length);
                Span<Int128> sorted = buffer.AsSpan(0, scores.Length);
                scores.CopyTo(sorted);
                int candidates = MostThatCanBeCapped(pool.Units, participantCap, scores.Length);
                QuickSelect.Select(sorted, sorted.Length - candidates);
                sorted[^candidates..].Sort();
                for (int i = sorted.Length - 1; i >= sorted.Length - candidates && WideMath.ProductExceeds(sorted[i], left, participantCap, uncappedScore); i--)
                {
                    left -= participantCap;
                    uncappedScore -= sorted[i];
                    capFrom = sorted[i];
                    cappedCount++;
                }
            }

            Amount capAmount = Amount.FromUnits(participantCap);
            if (uncappedScore == 0)
            {
                for (int i = 0; i < scores.Length; i++)
                {
                    shares[i] = cappedCount > 0 && scores[i] >= capFrom ? new PoolShare(capAmount, true) : default;
                }

                return new PoolTotals(pool, capAmount, Amount.FromUnits(pool.Units - left), Amount.FromUnits(left), cappedCount);
            }

            if (buffer.Length < scores.Length)
            {
                buffer = ArrayPool<Int128>.Shared.Rent(scores.Length);
            }

            Span<Int128> remainders = buffer.AsSpan(0, scores.Length);
            Int128 leftover = left;
            for (int i = 0; i < scores.Length; i++)
            {
                if (cappedCount > 0 && scores[i] >= capFrom)
                {
                    shares[i] = new PoolShare(capAmount, true);
                    remainders[i] = 0;
                }
                else
                {
                    Int128 floor = WideMath.MulDiv(left, scores[i], uncappedScore, out remainders[i]);
                    shares[i] = new PoolShare(Amount.FromUnits(floor), false);
                    leftover -= floor;
                }
            }

            GiveLeftoverToLargestRemainders(leftover, remainders, shares);
            return new PoolTotals(pool, capAmount, pool, Amount.Zero, cappedCount);
        }
        finally
        {
            if (buffer.Length > 0)
            {
                ArrayPool<Int128>.Shared.Return(buffer);
            }
        }
    }

    // A share s × left / uncappedScore above the cap with s ≤ uncappedScore needs left > cap, so every capping leaves
    // something and at most floor(pool / cap) participants are capped. A zero cap caps every positive score.
    private static int MostThatCanBeCapped(Int128 pool, Int128 participantCap, int participants) =>
        participantCap == 0 ? participants : (int)Int128.Min(participants, pool / participantCap);

    private static void GiveLeftoverToLargestRemainders(Int128 leftover, ReadOnlySpan<Int128> remainders, Span<PoolShare> shares)
    {
        if (leftover == 0)
        {
            return;
        }

        int units = (int)leftover;
        Int128[] rented = ArrayPool<Int128>.Shared.Rent(remainders.Length);
        try
        {
            Span<Int128> selected = rented.AsSpan(0, remainders.Length);
            remainders.CopyTo(selected);
            QuickSelect.Select(selected, selected.Length - units);
            Int128 cutoff = selected[^units];
            int aboveCutoff = 0;
            foreach (Int128 remainder in selected[^units..])
            {
                if (remainder > cutoff)
                {
                    aboveCutoff++;
                }
            }

            int atCutoff = units - aboveCutoff;
            for (int i = 0; i < remainders.Length; i++)
            {
                if (remainders[i] > cutoff || (remainders[i] == cutoff && atCutoff-- > 0))
                {
                    shares[i] = shares[i] with { Reward = shares[i].Reward + Amount.FromUnits(1) };
                }
            }
        }
        finally
        {
            ArrayPool<Int128>.Shared.Return(rented);
        }
    }
}
