using System.Numerics;
using Affiliates.Allocation;
using FsCheck;
using FsCheck.Fluent;

namespace Affiliates.Tests.Allocation;

public class SplitProperties
{
    private static readonly Gen<long> Weight = Gen.Frequency(
        (4, Gen.Choose(0, 10).Select(w => (long)w)),
        (2, Gen.Choose(0, int.MaxValue).Select(w => (long)w)),
        (1, Gen.Choose(0, int.MaxValue).Two().Select(t => ((long)t.Item1 << 32) | (uint)t.Item2)));

    private static readonly Gen<long[]> Weights = Gen.Frequency(
        (9, Gen.Choose(1, 8)),
        (1, Gen.Choose(60, 100)))
        .SelectMany(count => Weight.ArrayOf(count))
        .Where(ws => ws.Any(w => w > 0));

    private static readonly Arbitrary<SplitCase> Cases = Arb.From(
        MoneyGen.Units.Zip(Weights, (total, weights) => new SplitCase(total, weights)),
        Shrink);

    [Fact]
    public void Split_PartsSumToTotal() => Check(c => Sum(SplitOf(c)) == c.Total);

    [Fact]
    public void Split_PartsHaveTheSignOfTheTotal() =>
        Check(c => SplitOf(c).All(p => c.Total >= 0 ? p.Units >= 0 : p.Units <= 0));

    [Fact]
    public void Split_EachPartIsWithinOneUnitOfItsExactShare()
    {
        Check(c =>
        {
            Amount[] parts = SplitOf(c);
            BigInteger sum = c.Weights.Aggregate(BigInteger.Zero, (s, w) => s + w);
            return parts.Select((p, i) => MoneyGen.WithinOneUnit(p, (BigInteger)c.Total * c.Weights[i], sum)).All(ok => ok);
        });
    }

    [Fact]
    public void Split_MoreWeightNeverGetsLess()
    {
        Check(c =>
        {
            Amount[] parts = SplitOf(c);
            Int128 sign = c.Total < 0 ? -1 : 1;
            return Enumerable.Range(0, parts.Length).All(i => Enumerable.Range(0, parts.Length)
                .All(j => c.Weights[i] <= c.Weights[j] || parts[i].Units * sign >= parts[j].Units * sign));
        });
    }

    [Fact]
    public void Split_NegativeTotalMirrorsPositive() =>
        Check(c => SplitOf(c with { Total = -c.Total }).SequenceEqual(SplitOf(c).Select(p => -p)));

    [Fact]
    public void Split_MatchesLargestRemainderReference() =>
        Check(c => SplitOf(c).Select(p => (BigInteger)p.Units).SequenceEqual(Reference(c)));

    private static void Check(Func<SplitCase, bool> property) =>
        Prop.ForAll(Cases, property).Check(MoneyGen.Config);

    private static Amount[] SplitOf(SplitCase c) => Allocator.Split(Amount.FromUnits(c.Total), c.Weights);

    private static Int128 Sum(Amount[] parts) => parts.Aggregate(Int128.Zero, (s, p) => s + p.Units);

    // Hamilton's method written the slow, obvious way with BigInteger and LINQ ordering.
    private static BigInteger[] Reference(SplitCase c)
    {
        BigInteger magnitude = BigInteger.Abs(c.Total);
        BigInteger sum = c.Weights.Aggregate(BigInteger.Zero, (s, w) => s + w);
        BigInteger[] floors = [.. c.Weights.Select(w => magnitude * w / sum)];
        BigInteger leftover = magnitude - floors.Aggregate(BigInteger.Zero, (s, f) => s + f);
        foreach (int i in Enumerable.Range(0, floors.Length)
            .OrderByDescending(i => magnitude * c.Weights[i] % sum).ThenBy(i => i).Take((int)leftover))
        {
            floors[i]++;
        }

        return c.Total < 0 ? [.. floors.Select(f => -f)] : floors;
    }

    private static IEnumerable<SplitCase> Shrink(SplitCase c)
    {
        foreach (Int128 total in MoneyGen.ShrinkUnits(c.Total))
        {
            yield return c with { Total = total };
        }

        for (int i = 0; i < c.Weights.Length; i++)
        {
            long[] without = [.. c.Weights.Take(i), .. c.Weights.Skip(i + 1)];
            if (without.Any(w => w > 0))
            {
                yield return c with { Weights = without };
            }

            if (c.Weights[i] > 1)
            {
                long[] smaller = [.. c.Weights];
                smaller[i] /= 2;
                yield return c with { Weights = smaller };
            }
        }
    }
}
