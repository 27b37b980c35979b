using System.Numerics;
using Affiliates.Allocation;
using FsCheck;
using FsCheck.Fluent;

namespace Affiliates.Tests.Allocation;

public class SplitWithResidualProperties
{
    // Random ppm values scaled down, when needed, so that they sum to at most 100 %.
    private static readonly Gen<Rate[]> Shares = Gen.Choose(0, 6)
        .SelectMany(count => Gen.Choose(0, 1_000_000).ArrayOf(count))
        .Select(ppms =>
        {
            long sum = ppms.Sum(p => (long)p);
            return ppms.Select(p => Rate.FromPartsPerMillion(sum > 1_000_000 ? (int)(p * 1_000_000L / sum) : p)).ToArray();
        });

    private static readonly Arbitrary<(Int128 Total, Rate[] Shares)> Cases = Arb.From(
        MoneyGen.Units.Zip(Shares),
        c => MoneyGen.ShrinkUnits(c.Item1).Select(t => (t, c.Item2))
            .Concat(Enumerable.Range(0, c.Item2.Length).Select(i => (c.Item1, c.Item2.Where((_, j) => j != i).ToArray()))));

    [Fact]
    public void SplitWithResidual_PartsPlusResidualSumToTotal() =>
        Check((total, parts, residual, _) => parts.Aggregate(residual, (s, p) => s + p).Units == total);

    [Fact]
    public void SplitWithResidual_PartsAndResidualHaveTheSignOfTheTotal() =>
        Check((total, parts, residual, _) => parts.Append(residual).All(p => total >= 0 ? p.Units >= 0 : p.Units <= 0));

    [Fact]
    public void SplitWithResidual_EachPartIsWithinOneUnitOfItsExactShare() =>
        Check((total, parts, _, shares) => parts
            .Select((p, i) => MoneyGen.WithinOneUnit(p, (BigInteger)total * shares[i].PartsPerMillion, Rate.PartsPerMillionScale))
            .All(ok => ok));

    [Fact]
    public void SplitWithResidual_NegativeTotalMirrorsPositive()
    {
        Prop.ForAll(Cases, c =>
        {
            (Amount[] parts, Amount residual) = Run(c.Total, c.Shares);
            (Amount[] mirrored, Amount mirroredResidual) = Run(-c.Total, c.Shares);
            return mirrored.SequenceEqual(parts.Select(p => -p)) && mirroredResidual == -residual;
        }).Check(MoneyGen.Config);
    }

    private static void Check(Func<Int128, Amount[], Amount, Rate[], bool> property) =>
        Prop.ForAll(Cases, c =>
        {
            (Amount[] parts, Amount residual) = Run(c.Total, c.Shares);
            return property(c.Total, parts, residual, c.Shares);
        }).Check(MoneyGen.Config);

    private static (Amount[] Parts, Amount Residual) Run(Int128 total, Rate[] shares)
    {
        var parts = new Amount[shares.Length];
        Allocator.SplitWithResidual(Amount.FromUnits(total), shares, parts, out Amount residual);
        return (parts, residual);
    }
}
