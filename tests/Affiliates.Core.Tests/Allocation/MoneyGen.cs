using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace Affiliates.Tests.Allocation;

/// <summary>Generators and checks shared by the money property tests.</summary>
internal static class MoneyGen
{
    public static readonly Config Config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(10_000);

    /// <summary>Non-negative base units: small, up to 2^62, and wei-size above 2^64.</summary>
    public static Gen<Int128> NonNegativeUnits { get; } = Gen.Frequency(
        (3, Gen.Choose(0, 1000).Select(x => (Int128)x)),
        (3, Gen.Choose(0, int.MaxValue).Two().Select(t => (Int128)t.Item1 * t.Item2)),
        (3, Gen.Choose(1, int.MaxValue).Three().Select(t => ((Int128)t.Item1 << 64) + ((Int128)t.Item2 << 32) + t.Item3)));

    /// <summary>Base units of either sign.</summary>
    public static Gen<Int128> Units { get; } =
        NonNegativeUnits.Zip(Gen.Elements(true, false), (units, negate) => negate ? -units : units);

    public static Gen<Rate> Rates { get; } = Gen.Frequency(
        (1, Gen.Elements(0, 1, 500_000, 999_999, 1_000_000)),
        (4, Gen.Choose(0, 1_000_000))).Select(Rate.FromPartsPerMillion);

    /// <summary>Shrinks toward zero.</summary>
    public static IEnumerable<Int128> ShrinkUnits(Int128 units)
    {
        if (units == 0)
        {
            yield break;
        }

        yield return 0;
        if (units / 2 != 0)
        {
            yield return units / 2;
        }

        yield return units - Int128.Sign(units);
    }

    /// <summary>Whether <paramref name="part"/> is within one unit of <paramref name="numerator"/> / <paramref name="denominator"/>.</summary>
    public static bool WithinOneUnit(Amount part, BigInteger numerator, BigInteger denominator) =>
        BigInteger.Abs((part.Units * denominator) - numerator) < denominator;
}
