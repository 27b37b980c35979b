using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Affiliates.Tests.Money;

/// <summary>Each money value orders, equates and hashes exactly as the integer it holds.</summary>
public class OrderingProperties
{
    // Drawn from a small range so that equal pairs, where == and != and the strict comparisons differ, come up often.
    private static readonly Gen<int> Near = Gen.Choose(0, 6);

    private static bool AgreesWith<T>(T left, T right, long a, long b, Func<T, T, bool>[] operators)
        where T : IEquatable<T>, IComparable<T>
    {
        bool[] expected = [a == b, a != b, a < b, a > b, a <= b, a >= b];
        for (int i = 0; i < operators.Length; i++)
        {
            if (operators[i](left, right) != expected[i])
            {
                return false;
            }
        }

        return left.Equals(right) == (a == b)
            && left.Equals((object)right) == (a == b)
            && !left.Equals((object?)null)
            && Math.Sign(left.CompareTo(right)) == Math.Sign(a.CompareTo(b))
            && (a != b || left.GetHashCode() == right.GetHashCode());
    }

    [Property(MaxTest = 10_000)]
    public Property Amount_OrdersAsItsUnits() =>
        Prop.ForAll(Arb.From(Near), Arb.From(Near), (a, b) =>
            AgreesWith(Amount.FromUnits(a), Amount.FromUnits(b), a, b,
            [
                (x, y) => x == y, (x, y) => x != y, (x, y) => x < y, (x, y) => x > y, (x, y) => x <= y, (x, y) => x >= y,
            ])
            && Amount.Max(Amount.FromUnits(a), Amount.FromUnits(b)).Units == Math.Max(a, b)
            && Amount.Min(Amount.FromUnits(a), Amount.FromUnits(b)).Units == Math.Min(a, b)
            && Math.Sign(Amount.FromUnits(a).CompareTo((object)Amount.FromUnits(b))) == Math.Sign(a.CompareTo(b)));

    [Property(MaxTest = 10_000)]
    public Property Rate_OrdersAsItsPartsPerMillion() =>
        Prop.ForAll(Arb.From(Near), Arb.From(Near), (a, b) =>
            AgreesWith(Rate.FromPartsPerMillion(a), Rate.FromPartsPerMillion(b), a, b,
            [
                (x, y) => x == y, (x, y) => x != y, (x, y) => x < y, (x, y) => x > y, (x, y) => x <= y, (x, y) => x >= y,
            ]));

    [Property(MaxTest = 10_000)]
    public Property Multiplier_OrdersAsItsMillionths() =>
        Prop.ForAll(Arb.From(Near), Arb.From(Near), (a, b) =>
            AgreesWith(Multiplier.FromMillionths(a), Multiplier.FromMillionths(b), a, b,
            [
                (x, y) => x == y, (x, y) => x != y, (x, y) => x < y, (x, y) => x > y, (x, y) => x <= y, (x, y) => x >= y,
            ]));

    [Fact]
    public void Amount_CompareToObject_NullIsSmaller_AndOtherTypesAreRefusedByName()
    {
        Assert.True(Amount.FromUnits(-5).CompareTo(null) > 0);
        var error = Assert.Throws<ArgumentException>(() => Amount.Zero.CompareTo((object)5));
        Assert.Equal("obj", error.ParamName);
    }
}
