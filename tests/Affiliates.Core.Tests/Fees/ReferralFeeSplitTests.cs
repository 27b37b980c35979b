using Affiliates.Fees;

namespace Affiliates.Tests.Fees;

public class ReferralFeeSplitTests
{
    [Fact]
    public void Compute_WorkedExample_GivesProtocol925Partner60User15()
    {
        ReferralFeeSplit split = ReferralFeeSplit.Compute(
            Amount.FromUnits(1_000), Rate.FromPercent(5), Multiplier.Parse("1.5"), Rate.FromPercent(20));

        Assert.Equal(Amount.FromUnits(925), split.Protocol);
        Assert.Equal(Amount.FromUnits(60), split.Partner);
        Assert.Equal(Amount.FromUnits(15), split.User);
        Assert.Equal(Amount.FromUnits(75), split.ReferralShare);
        Assert.Equal(Rate.FromPartsPerMillion(75_000), split.EffectiveRate);
        Assert.False(split.MultiplierCapped);
    }

    [Fact]
    public void Compute_MultipliesInOneExactStep_WithoutRoundingTheRateFirst()
    {
        // 0.0001 % × 1.5 = 0.00015 %: rounding the rate to whole ppm first would give 1 ppm and a share of 1 000 000.
        ReferralFeeSplit split = ReferralFeeSplit.Compute(
            Amount.FromUnits(1_000_000_000_000), Rate.FromPartsPerMillion(1), Multiplier.Parse("1.5"), Rate.Zero);

        Assert.Equal(Amount.FromUnits(1_500_000), split.Partner);
    }

    [Fact]
    public void Compute_WhenRateTimesMultiplierExceedsWholeFee_CapsAndFlags()
    {
        ReferralFeeSplit split = ReferralFeeSplit.Compute(
            Amount.FromUnits(1_000), Rate.FromPercent(60), Multiplier.Parse("2"), Rate.FromPercent(10));

        Assert.True(split.MultiplierCapped);
        Assert.Equal(Amount.Zero, split.Protocol);
        Assert.Equal(Amount.FromUnits(900), split.Partner);
        Assert.Equal(Amount.FromUnits(100), split.User);
        Assert.Equal(Rate.Full, split.EffectiveRate);
    }

    [Fact]
    public void Compute_AtExactlyTheWholeFee_IsNotFlaggedAsCapped()
    {
        ReferralFeeSplit split = ReferralFeeSplit.Compute(
            Amount.FromUnits(1_000), Rate.FromPercent(50), Multiplier.Parse("2"), Rate.Zero);

        Assert.False(split.MultiplierCapped);
        Assert.Equal(Amount.FromUnits(1_000), split.Partner);
    }

    [Fact]
    public void Compute_WithClawback_MirrorsTheWorkedExample()
    {
        ReferralFeeSplit split = ReferralFeeSplit.Compute(
            Amount.FromUnits(-1_000), Rate.FromPercent(5), Multiplier.Parse("1.5"), Rate.FromPercent(20));

        Assert.Equal((-925, -60, -15), ((int)split.Protocol.Units, (int)split.Partner.Units, (int)split.User.Units));
    }
}
