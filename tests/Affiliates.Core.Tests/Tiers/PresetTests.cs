using Affiliates.Tiers;

namespace Affiliates.Tests.Tiers;

public class PresetTests
{
    [Theory]
    [InlineData("0", "Tier 1")]
    [InlineData("49.999999999", "Tier 1")]
    [InlineData("50", "Tier 2")]
    [InlineData("1000", "Tier 2")]
    public void SubscriptionRevenueShare_Tier2StartsAtExactly50Sol(string sol, string expected) =>
        Assert.Equal(expected, TierPresets.SubscriptionRevenueShare.Ladder.Evaluate(Asset.Sol.Parse(sol).Units).Value.Name);

    [Fact]
    public void SubscriptionRevenueShare_IsStickyAndPays20Then30Percent()
    {
        TierLadder ladder = TierPresets.SubscriptionRevenueShare;
        Assert.True(ladder.NeverDowngrade);
        Assert.Equal([Rate.FromPercent(20), Rate.FromPercent(30)], ladder.Ladder.Steps.Select(s => s.Value.Rate));
    }

    [Theory]
    [InlineData(1, "Bronze", 20)]
    [InlineData(5, "Bronze", 20)]
    [InlineData(6, "Silver", 25)]
    [InlineData(20, "Silver", 25)]
    [InlineData(21, "Gold", 30)]
    [InlineData(50, "Gold", 30)]
    [InlineData(51, "Platinum", 35)]
    [InlineData(500, "Platinum", 35)]
    public void CommunityReseller_Boundaries(int referrals, string name, int percent) =>
        Assert.Equal(new Tier(name, Rate.FromPercent(percent)), TierPresets.CommunityReseller.Assign(referrals, null, null).Tier);

    [Fact]
    public void CommunityReseller_ZeroReferralsIsNoTier() =>
        Assert.Equal(TierRule.BelowFirstStep, TierPresets.CommunityReseller.Assign(0, null, null).DecidedBy);

    [Fact]
    public void CommunityReseller_ThirtyUsersAt49DollarsInGold_Earn441Dollars()
    {
        Tier gold = TierPresets.CommunityReseller.Assign(30, null, null).Tier!;

        Amount commission = (Asset.Usd.Whole(49) * 30).Times(gold.Rate);

        Assert.Equal("Gold", gold.Name);
        Assert.Equal(Asset.Usd.Whole(441), commission);
    }

    [Theory]
    [InlineData("0.000001", 1_000_000)]
    [InlineData("100", 1_000_000)]
    [InlineData("100.000001", 1_250_000)]
    [InlineData("500", 1_250_000)]
    [InlineData("500.000001", 1_500_000)]
    [InlineData("2500", 1_500_000)]
    [InlineData("2500.000001", 1_750_000)]
    [InlineData("12500", 1_750_000)]
    [InlineData("12500.000001", 2_000_000)]
    [InlineData("1000000", 2_000_000)]
    public void RujiraTrailingRevenue_HasExclusiveLowerBounds(string usd, long millionths) =>
        Assert.Equal(Multiplier.FromMillionths(millionths), MultiplierPresets.TrailingRevenueMultiplier(Asset.Usd.Parse(usd)));

    [Fact]
    public void RujiraTrailingRevenue_ZeroOrNegativeRevenueHasNoStep_AndReadsAsTimesOne()
    {
        Assert.False(MultiplierPresets.RujiraTrailingRevenue.TryEvaluate(0, out _));
        Assert.Equal(Multiplier.One, MultiplierPresets.TrailingRevenueMultiplier(Amount.Zero));
        Assert.Equal(Multiplier.One, MultiplierPresets.TrailingRevenueMultiplier(Amount.FromUnits(-1)));
    }
}
