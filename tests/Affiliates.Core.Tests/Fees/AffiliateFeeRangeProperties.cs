using Affiliates.Fees;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Affiliates.Tests.Fees;

public class AffiliateFeeRangeProperties
{
    // Rates a few ppm apart, so that every bound is hit exactly, just inside and just outside.
    private static readonly Arbitrary<int> Near = Arb.From(Gen.Choose(0, 8));

    [Property(MaxTest = 10_000)]
    public Property Contains_IsInclusiveAtBothBounds() =>
        Prop.ForAll(Near, Near, Near, (a, b, r) =>
        {
            (int low, int high) = a <= b ? (a, b) : (b, a);
            var range = new AffiliateFeeRange(Rate.FromPartsPerMillion(low), Rate.FromPartsPerMillion(high));
            return range.Contains(Rate.FromPartsPerMillion(r)) == (low <= r && r <= high)
                && range.Minimum == Rate.FromPartsPerMillion(low)
                && range.Maximum == Rate.FromPartsPerMillion(high);
        });

    [Fact]
    public void ARangeOfOneRate_IsAllowed() =>
        Assert.True(new AffiliateFeeRange(Rate.FromPercent(3), Rate.FromPercent(3)).Contains(Rate.FromPercent(3)));

    [Fact]
    public void AnInvertedRange_SaysWhichBoundsClash() =>
        Assert.StartsWith(
            "minimum 4% is above maximum 3%.",
            Assert.Throws<ArgumentException>(() => new AffiliateFeeRange(Rate.FromPercent(4), Rate.FromPercent(3))).Message,
            StringComparison.Ordinal);
}
