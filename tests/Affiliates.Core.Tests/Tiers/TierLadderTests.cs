using Affiliates.Tiers;
using FsCheck;
using FsCheck.Fluent;

namespace Affiliates.Tests.Tiers;

public class TierLadderTests
{
    private static readonly TierLadder Sticky = TierPresets.SubscriptionRevenueShare;
    private static readonly TierLadder Reseller = TierPresets.CommunityReseller;
    private static readonly Tier Tier1 = Sticky.Ladder.Steps[0].Value;
    private static readonly Tier Tier2 = Sticky.Ladder.Steps[1].Value;

    [Fact]
    public void Assign_FollowsTheLadder()
    {
        Assert.Equal(new TierAssignment(Tier2, TierRule.Ladder, Tier2), Sticky.Assign(TierPresets.Tier2ThresholdLamports, Tier1, null));
        Assert.Equal(new TierAssignment(Tier1, TierRule.Ladder, Tier1), Sticky.Assign(0, null, null));
    }

    [Fact]
    public void Assign_OnAStickyLadder_KeepsTheCurrentTierWhenTheMetricFalls() =>
        Assert.Equal(new TierAssignment(Tier2, TierRule.Sticky, Tier1), Sticky.Assign(1, Tier2, null));

    [Fact]
    public void Assign_OnAStickyLadder_KeepsTheCurrentTierBelowTheFirstStep() =>
        Assert.Equal(new TierAssignment(Tier1, TierRule.Sticky, null), Sticky.Assign(-5, Tier1, null));

    [Fact]
    public void Assign_OnANonStickyLadder_GoesDown()
    {
        Tier gold = Reseller.Ladder.Steps[2].Value;
        Assert.Equal("Bronze", Reseller.Assign(3, gold, null).Tier?.Name);
        Assert.Equal(new TierAssignment(null, TierRule.BelowFirstStep, null), Reseller.Assign(0, gold, null));
    }

    [Fact]
    public void Assign_ManualOverrideWins_AndIsFlagged()
    {
        var special = new Tier("Special", Rate.FromPercent(40));

        TierAssignment assignment = Sticky.Assign(TierPresets.Tier2ThresholdLamports, Tier2, special);

        Assert.Equal(special, assignment.Tier);
        Assert.True(assignment.IsOverridden);
        Assert.Equal(Tier2, assignment.LadderTier);
    }

    [Fact]
    public void Assign_RejectsACurrentTierThatIsNotOnTheLadder() =>
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => Sticky.Assign(0, new Tier("Gold", Rate.FromPercent(30)), null)).ParamName);

    [Fact]
    public void Tier_RejectsABlankName() =>
        Assert.Equal("Name", Assert.Throws<ArgumentException>(() => new Tier(" ", Rate.Zero)).ParamName);

    [Fact]
    public void StickyTiers_NeverGoDown_OverAnyMetricSequence()
    {
        Gen<(bool Sticky, long[] Metrics)> cases =
            from sticky in Gen.Elements(true, false)
            from metrics in Gen.ListOf(Gen.Choose(-10, 120))
            select (sticky, metrics.Select(m => (long)m).ToArray());
        Arbitrary<(bool Sticky, long[] Metrics)> arbitrary = Arb.From(cases, c =>
            Enumerable.Range(0, c.Metrics.Length).Select(i => (c.Sticky, c.Metrics.Where((_, j) => j != i).ToArray())));

        Prop.ForAll(arbitrary, c =>
        {
            var ladder = new TierLadder(Reseller.Ladder, c.Sticky);
            Tier? current = null;
            int highest = -1;
            foreach (long metric in c.Metrics)
            {
                current = ladder.Assign(metric, current, null).Tier;
                int index = current is null ? -1 : ladder.Ladder.Steps.Select(s => s.Value).ToList().IndexOf(current);
                int ladderIndex = ladder.Ladder.IndexOf(metric);
                highest = Math.Max(highest, ladderIndex);
                if (index != (c.Sticky ? highest : ladderIndex))
                {
                    return false;
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(10_000));
    }
}
