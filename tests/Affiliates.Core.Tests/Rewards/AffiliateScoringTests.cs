using Affiliates.Rewards;
using NodaTime;
using static Affiliates.Tests.Rewards.RewardFixtures;

namespace Affiliates.Tests.Rewards;

public class AffiliateScoringTests
{
    private static ScoringResult Score(IEnumerable<ReferredTrade> trades, IReadOnlyDictionary<string, string>? excluded = null, ScoringRules? rules = null) =>
        AffiliateScoring.Score(trades, Tokens, rules ?? ScoringRules.Default, excluded);

    [Fact]
    public void Score_StableToStable_CountsTenPercent()
    {
        ScoringResult result = Score([Trade("t1", "alice", "A", Start, 1_000, Usdc, Dai), Trade("t2", "alice", "A", Start + Duration.FromHours(1), 1_000, Weth, Dai)]);

        Assert.Equal(Usd(100), result.Trades[0].Counted);
        Assert.Equal(Usd(1_000), result.Trades[1].Counted);
        Assert.Equal([new AffiliateScore("A", Usd(1_100))], result.Affiliates);
    }

    [Fact]
    public void Score_StableFactorTruncatesTowardZero()
    {
        ScoringResult result = Score([new ReferredTrade("t1", "alice", "A", Start, Usdc, Dai, Amount.FromUnits(19))]);

        Assert.Equal(Amount.FromUnits(1), result.Trades[0].Counted);
    }

    [Fact]
    public void Score_ManyQuickTrades_CountsTheFirstThirtyDaysEvenBeyondThirtyTrades()
    {
        ReferredTrade[] trades = [.. Enumerable.Range(0, 40).Select(i => Trade($"t{i:D2}", "alice", "A", Start + Duration.FromDays(i / 2), 10))];

        ScoringResult result = Score(trades);

        // Trades 0..39 fall on days 0..19, all within the first 30 days.
        Assert.All(result.Trades, t => Assert.Equal(TradeStatus.Counted, t.Status));
        Assert.Equal(Usd(400), result.TotalScore);
    }

    [Fact]
    public void Score_FewSlowTrades_CountsTheFirstThirtyTradesEvenBeyondThirtyDays()
    {
        ReferredTrade[] trades = [.. Enumerable.Range(0, 35).Select(i => Trade($"t{i:D2}", "alice", "A", Start + Duration.FromDays(i * 2), 10))];

        ScoringResult result = Score(trades);

        // Trades 0..29 count by number (even those on days 30..58); trades 30..34 are on days 60..68: outside both windows.
        Assert.All(result.Trades.Take(30), t => Assert.Equal(TradeStatus.Counted, t.Status));
        Assert.All(result.Trades.Skip(30), t => Assert.Equal(TradeStatus.OutsideWindow, t.Status));
        Assert.Equal(Usd(300), result.TotalScore);
    }

    [Fact]
    public void Score_TradeExactlyThirtyDaysAfterTheFirst_IsOutsideTheDaysWindow()
    {
        var rules = new ScoringRules(firstTrades: 1);

        ScoringResult result = Score(
            [Trade("t1", "alice", "A", Start, 10), Trade("t2", "alice", "A", Start + Duration.FromDays(30) - Duration.Epsilon, 10), Trade("t3", "alice", "A", Start + Duration.FromDays(30), 10)],
            rules: rules);

        Assert.Equal([TradeStatus.Counted, TradeStatus.Counted, TradeStatus.OutsideWindow], result.Trades.Select(t => t.Status));
    }

    [Fact]
    public void Score_AddressWhoseFirstTradeWasNotReferred_NeverCounts()
    {
        ScoringResult result = Score([Trade("t1", "bob", null, Start, 10), Trade("t2", "bob", "A", Start + Duration.FromHours(1), 1_000)]);

        Assert.All(result.Trades, t => Assert.Equal(TradeStatus.FirstTradeNotReferred, t.Status));
        Assert.Equal(AddressStatus.FirstTradeNotReferred, Assert.Single(result.Addresses).Status);
        Assert.Empty(result.Affiliates);
        Assert.Equal(Amount.Zero, result.TotalScore);
    }

    [Fact]
    public void Score_AddressStaysWithItsFirstReferrer()
    {
        ScoringResult result = Score([Trade("t1", "alice", "A", Start, 10), Trade("t2", "alice", "B", Start + Duration.FromHours(1), 20)]);

        Assert.Equal([new AffiliateScore("A", Usd(30))], result.Affiliates);
        Assert.Equal("A", result.Trades[1].Affiliate);
    }

    [Fact]
    public void Score_UnlistedToken_CountsNothingButUsesUpATradeOfTheWindow()
    {
        var rules = new ScoringRules(firstTrades: 2, firstDays: 0);

        ScoringResult result = Score(
            [Trade("t1", "alice", "A", Start, 10, Unlisted, Usdc), Trade("t2", "alice", "A", Start + Duration.FromHours(1), 10), Trade("t3", "alice", "A", Start + Duration.FromHours(2), 10)],
            rules: rules);

        Assert.Equal([TradeStatus.TokenNotListed, TradeStatus.Counted, TradeStatus.OutsideWindow], result.Trades.Select(t => t.Status));
    }

    [Fact]
    public void Score_AddressCap_CutsTheTradeThatReachesItAndCountsNothingAfter()
    {
        ScoringResult result = Score(
        [
            Trade("t1", "whale", "A", Start, 700_000),
            Trade("t2", "whale", "A", Start + Duration.FromHours(1), 500_000),
            Trade("t3", "whale", "A", Start + Duration.FromHours(2), 100_000),
        ]);

        Assert.Equal([TradeStatus.Counted, TradeStatus.PartlyCounted, TradeStatus.AddressCapReached], result.Trades.Select(t => t.Status));
        Assert.Equal(Usd(1_000_000), result.TotalScore);
        AddressOutcome whale = Assert.Single(result.Addresses);
        Assert.Equal(Usd(1_300_000), whale.Volume);
        Assert.Equal(Usd(300_000), whale.CutByCap);
        Assert.Equal(Usd(1_000_000), result.State.CountedFor("whale"));
    }

    [Fact]
    public void Score_AddressCap_HoldsAcrossEpochs()
    {
        ScoringResult first = AffiliateScoring.Score([Trade("t1", "whale", "A", Start, 900_000)], Tokens, ScoringRules.Default);

        ScoringResult second = AffiliateScoring.Score([Trade("t2", "whale", "A", Start + Duration.FromDays(1), 900_000)], Tokens, ScoringRules.Default, null, first.State);

        Assert.Equal(Usd(100_000), second.TotalScore);
        Assert.Equal(TradeStatus.PartlyCounted, second.Trades[0].Status);
    }

    [Fact]
    public void Score_ExcludedAddress_CountsNothingAndRecordsTheReason()
    {
        ScoringResult result = Score(
            [Trade("t1", "wash", "A", Start, 500), Trade("t2", "alice", "A", Start, 100)],
            new Dictionary<string, string> { ["wash"] = "wash trading with 0xabc" });

        AddressOutcome wash = result.Addresses.Single(a => a.Address == "wash");
        Assert.Equal(AddressStatus.Excluded, wash.Status);
        Assert.Equal("wash trading with 0xabc", wash.ExclusionReason);
        Assert.Equal(Amount.Zero, wash.Counted);
        Assert.Equal(TradeStatus.Excluded, result.Trades.Single(t => t.TradeId == "t1").Status);
        Assert.Equal([new AffiliateScore("A", Usd(100))], result.Affiliates);
    }

    [Fact]
    public void Score_DoesNotDependOnInputOrder()
    {
        ReferredTrade[] trades =
        [
            Trade("b", "alice", "A", Start, 10),
            Trade("a", "alice", "B", Start, 20),
            Trade("c", "bob", null, Start + Duration.FromHours(1), 30),
            Trade("d", "bob", "A", Start, 40),
        ];

        ScoringResult forward = Score(trades);
        ScoringResult backward = Score(trades.Reverse());

        Assert.Equal(forward.Trades, backward.Trades);
        Assert.Equal(forward.Affiliates, backward.Affiliates);
        Assert.Equal(["a", "b", "d", "c"], forward.Trades.Select(t => t.TradeId));
        Assert.Equal([new AffiliateScore("A", Usd(70)), new AffiliateScore("B", Usd(30))], forward.Affiliates);
    }

    [Fact]
    public void Score_TwoTradesWithTheSameTimeAndId_AreRejected()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Score([Trade("t1", "alice", "A", Start, 10), Trade("t1", "bob", "A", Start, 10)]));

        Assert.Equal("trades", error.ParamName);
    }

    [Fact]
    public void Score_TradeBeforeThoseAlreadyScored_IsRejected()
    {
        ScoringResult first = AffiliateScoring.Score([Trade("t2", "alice", "A", Start + Duration.FromDays(1), 10)], Tokens, ScoringRules.Default);

        Assert.Throws<ArgumentException>(() => AffiliateScoring.Score([Trade("t1", "alice", "A", Start, 10)], Tokens, ScoringRules.Default, null, first.State));
    }

    [Fact]
    public void Score_NegativeVolume_IsRejected()
    {
        ReferredTrade trade = new("t1", "alice", "A", Start, Weth, Usdc, Amount.FromUnits(-1));

        Assert.Throws<ArgumentOutOfRangeException>(() => Score([trade]));
    }

    [Fact]
    public void TokenList_StablecoinThatIsNotListed_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new TokenList([Weth], [Usdc]));

    [Fact]
    public void EpochSchedule_VersionAppliesFromItsFirstEpoch()
    {
        EpochSchedule<string> schedule = new EpochSchedule<string>("v0").From(3, "v3");

        Assert.Equal(["v0", "v0", "v0", "v3", "v3"], Enumerable.Range(0, 5).Select(schedule.For));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.From(3, "again"));
    }
}
