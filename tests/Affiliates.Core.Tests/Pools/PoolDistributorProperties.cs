using System.Numerics;
using Affiliates.Pools;
using FsCheck;
using FsCheck.Fluent;

namespace Affiliates.Tests.Pools;

public class PoolDistributorProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(10_000);

    [Fact]
    public void DistributedPlusUnallocated_IsThePool_AndEachShareIsBetweenZeroAndTheCap() =>
        Check(c =>
        {
            PoolDistribution result = c.Distribute();
            Amount cap = result.Totals.ParticipantCap;
            return result.Distributed + result.Unallocated == c.Pool
                && result.Distributed == result.Shares.Aggregate(Amount.Zero, (sum, s) => sum + s.Reward)
                && result.Unallocated >= Amount.Zero
                && cap == c.Pool.Times(c.Cap)
                && result.Shares.All(s => s.Reward >= Amount.Zero && s.Reward <= cap && (!s.Capped || s.Reward == cap));
        });

    [Fact]
    public void AHigherScore_NeverReceivesLess() =>
        Check(c =>
        {
            PoolDistribution result = c.Distribute();
            int[] order = [.. Enumerable.Range(0, c.Scores.Length).OrderBy(i => c.Scores[i])];
            for (int k = 1; k < order.Length; k++)
            {
                int lower = order[k - 1];
                int higher = order[k];
                if (c.Scores[higher] > c.Scores[lower] && result.Shares[higher].Reward < result.Shares[lower].Reward)
                {
                    return false;
                }
            }

            return true;
        });

    [Fact]
    public void CapsBindExactlyWhereTheRedistributedShareWouldExceedThem_AndUncappedSharesAreWithinOneUnit() =>
        Check(c =>
        {
            PoolDistribution result = c.Distribute();
            BigInteger cap = result.Totals.ParticipantCap.Units;
            BigInteger left = c.Pool.Units - (result.Totals.CappedCount * cap);
            BigInteger uncappedScore = c.Scores.Where((_, i) => !result.Shares[i].Capped).Aggregate(BigInteger.Zero, (sum, s) => sum + s);
            if (uncappedScore.IsZero)
            {
                return result.Unallocated.Units == left;
            }

            for (int i = 0; i < c.Scores.Length; i++)
            {
                BigInteger exactTimesScore = left * c.Scores[i];
                bool wouldExceed = exactTimesScore > cap * uncappedScore;
                if (result.Shares[i].Capped != wouldExceed)
                {
                    return false;
                }

                if (!result.Shares[i].Capped
                    && BigInteger.Abs((result.Shares[i].Reward.Units * uncappedScore) - exactTimesScore) >= uncappedScore)
                {
                    return false;
                }
            }

            return result.Unallocated.IsZero;
        });

    [Fact]
    public void WithoutBindingCaps_EveryShareIsWithinOneUnitOfItsExactProRataShare() =>
        Check(c =>
        {
            PoolDistribution result = PoolDistributor.Distribute(c.Pool, c.Scores, Rate.Full);
            BigInteger total = c.Scores.Aggregate(BigInteger.Zero, (sum, s) => sum + s);
            return total.IsZero
                ? result.Unallocated == c.Pool
                : result.Totals.CappedCount == 0 && result.Shares.Select((s, i) =>
                    BigInteger.Abs((s.Reward.Units * total) - ((BigInteger)c.Pool.Units * c.Scores[i])) < total).All(ok => ok);
        });

    private static void Check(Func<PoolCase, bool> property) =>
        Prop.ForAll(PoolCase.Arbitrary, property).Check(Config);

    internal sealed record PoolCase(Amount Pool, Int128[] Scores, Rate Cap)
    {
        public static Arbitrary<PoolCase> Arbitrary { get; } = Arb.From(Generator(), Shrink);

        public PoolDistribution Distribute() => PoolDistributor.Distribute(Pool, Scores, Cap);

        public override string ToString() => $"pool {Pool}, cap {Cap}, scores [{string.Join(", ", Scores)}]";

        private static Gen<PoolCase> Generator()
        {
            Gen<Int128> pool = Gen.OneOf(Small(10), Small(10_000), Large(18), Large(24));
            Gen<Int128> score = Gen.Frequency((2, Gen.Constant((Int128)0)), (6, Small(100)), (3, Small(1_000_000)), (1, Large(30)));
            Gen<Rate> cap = Gen.OneOf(
                Gen.Choose(1, 1_000_000).Select(Rate.FromPartsPerMillion),
                Gen.Elements(5, 10, 20, 25, 33, 50, 100).Select(Rate.FromPercent));
            return from p in pool
                   from n in Gen.Choose(0, 25)
                   from scores in Gen.ArrayOf(score, n)
                   from c in cap
                   select new PoolCase(Amount.FromUnits(p), scores, c);
        }

        private static Gen<Int128> Small(int max) => Gen.Choose(0, max).Select(v => (Int128)v);

        private static Gen<Int128> Large(int digits) =>
            Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(0, int.MaxValue), (high, low) => ((Int128)high * int.MaxValue) + low)
                .Select(v => v * Int128.Parse("1" + new string('0', digits - 18), System.Globalization.CultureInfo.InvariantCulture));

        private static IEnumerable<PoolCase> Shrink(PoolCase c)
        {
            for (int i = 0; i < c.Scores.Length; i++)
            {
                yield return c with { Scores = [.. c.Scores.Take(i), .. c.Scores.Skip(i + 1)] };
            }

            if (c.Pool.Units > 1)
            {
                yield return c with { Pool = Amount.FromUnits(c.Pool.Units / 2) };
            }

            for (int i = 0; i < c.Scores.Length; i++)
            {
                if (c.Scores[i] > 1)
                {
                    Int128[] halved = [.. c.Scores];
                    halved[i] /= 2;
                    yield return c with { Scores = halved };
                }
            }
        }
    }
}
