using Affiliates.Programs;
using Affiliates.Settlement;
using Affiliates.Tiers;
using NodaTime;
using static Affiliates.Tests.Settlement.SettlementFixture;

namespace Affiliates.Tests.Settlement;

public sealed class EpochSettlerTests
{
    private static EpochStatement Only(EpochSettlement settlement) => Assert.Single(settlement.Statements);

    [Fact]
    public void Settle_BelowFiftySolLifetime_EarnsTwentyPercent()
    {
        EpochStatement statement = Only(EpochSettler.Settle(Request(Subscription(), Week1, Line("alice", "e1", OneSol * 10))));

        Assert.Equal("Tier 1", statement.Tier);
        Assert.Equal(OneSol * 2, statement.Earned);
        Assert.Equal(OneSol * 2, statement.Payable);
        Assert.Equal(OneSol * 8, (statement.Revenue - statement.Commission));
    }

    [Fact]
    public void Settle_CrossingFiftySolInTheEpoch_EarnsThirtyPercentOnTheWholeEpoch()
    {
        var previous = new PartnerState(Amount.Zero, "Tier 1", OneSol * 45, 0);
        SettlementRequest request = Request(Subscription(), Week1, Line("alice", "e1", OneSol * 3), Line("alice", "e2", OneSol * 2, hour: 5))
            with
        { PreviousStates = new Dictionary<PayeeKey, PartnerState> { [PayeeKey.Partner("alice")] = previous } };

        EpochStatement statement = Only(EpochSettler.Settle(request));

        Assert.Equal("Tier 2", statement.Tier);
        Assert.Equal(OneSol * 50, statement.LifetimeRevenue);
        Assert.All(statement.Lines, line => Assert.Equal(Rate.FromPercent(30), line.Rate));
        Assert.Equal(Asset.Sol.Parse("1.5"), statement.Earned);
    }

    [Fact]
    public void Settle_OneLamportShortOfFiftySol_StaysTierOne()
    {
        EpochStatement statement = Only(EpochSettler.Settle(Request(Subscription(), Week1, Line("alice", "e1", (OneSol * 50) - Amount.FromUnits(1)))));

        Assert.Equal("Tier 1", statement.Tier);
    }

    [Fact]
    public void Settle_AfterReachingTierTwo_NeverReturnsToTwentyPercent()
    {
        List<EpochSettlement> weeks = SettleInSequence(
            Subscription(),
            [Line("alice", "e1", OneSol * 50)],
            [Line("alice", "refund-e1", -(OneSol * 30), Week(1)), Line("alice", "e2", OneSol * 40, Week(1), hour: 2)],
            [Line("alice", "e3", OneSol * 10, Week(2))]);

        Assert.All(weeks, week => Assert.Equal("Tier 2", Only(week).Tier));
        Assert.Equal(OneSol * 70, Only(weeks[2]).LifetimeRevenue);
        Assert.Equal(OneSol * 3, Only(weeks[2]).Earned);
    }

    [Fact]
    public void Settle_BelowMinimumPayout_CarriesOverUntilReached()
    {
        List<EpochSettlement> weeks = SettleInSequence(
            Subscription(minimum: OneSol),
            [Line("alice", "e1", Asset.Sol.Parse("3"))],
            [Line("alice", "e2", Asset.Sol.Parse("1"), Week(1))],
            [Line("alice", "e3", Asset.Sol.Parse("1"), Week(2))]);

        Assert.Equal([Amount.Zero, Amount.Zero, Asset.Sol.Parse("1")], weeks.Select(w => Only(w).Payable));
        Assert.Equal(Asset.Sol.Parse("0.6"), Only(weeks[0]).CarryOut);
        Assert.Equal(Asset.Sol.Parse("0.8"), Only(weeks[1]).CarryOut);
        Assert.Equal(Amount.Zero, Only(weeks[2]).CarryOut);
        Assert.Empty(weeks[0].Payouts);
        PayoutIntent payout = Assert.Single(weeks[2].Payouts);
        Assert.Equal(Asset.Sol.Parse("1"), payout.Amount);
        Assert.Equal(PayoutStatus.Pending, payout.Status);
    }

    [Fact]
    public void Settle_ExactlyTheMinimum_IsPaid()
    {
        EpochStatement statement = Only(EpochSettler.Settle(Request(Subscription(minimum: OneSol), Week1, Line("alice", "e1", OneSol * 5))));

        Assert.Equal(OneSol, statement.Payable);
    }

    [Fact]
    public void Settle_DustIdleForTheRuleEpochs_IsSweptToTheProtocol()
    {
        List<EpochSettlement> weeks = SettleInSequence(
            Subscription(minimum: OneSol, dust: new DustRule(2)),
            [Line("alice", "e1", Asset.Sol.Parse("1"))],
            [],
            []);

        Assert.Equal([0, 1, 0], weeks.Select(w => Only(w).IdleEpochs));
        Assert.Equal([Amount.Zero, Amount.Zero, Asset.Sol.Parse("0.2")], weeks.Select(w => Only(w).DustSwept));
        Assert.Equal(Amount.Zero, Only(weeks[2]).CarryOut);
        Assert.Equal(Asset.Sol.Parse("0.2"), weeks[2].DustSwept);
        Assert.All(weeks, w => Assert.Empty(w.Payouts));
    }

    [Fact]
    public void Settle_NewLinesResetTheIdleCount()
    {
        List<EpochSettlement> weeks = SettleInSequence(
            Subscription(minimum: OneSol, dust: new DustRule(2)),
            [Line("alice", "e1", Asset.Sol.Parse("1"))],
            [],
            [Line("alice", "e2", Asset.Sol.Parse("1"), Week(2))],
            []);

        Assert.Equal([0, 1, 0, 1], weeks.Select(w => Only(w).IdleEpochs));
        Assert.All(weeks, w => Assert.Equal(Amount.Zero, w.DustSwept));
        Assert.Equal(Asset.Sol.Parse("0.4"), Only(weeks[3]).CarryOut);
    }

    [Fact]
    public void Settle_ClosingPartner_SweepsWhatIsBelowTheMinimum()
    {
        var previous = new PartnerState(Asset.Sol.Parse("0.05"), "Tier 1", OneSol, 0);
        SettlementRequest request = Request(Subscription(), Week1) with
        {
            PreviousStates = new Dictionary<PayeeKey, PartnerState> { [PayeeKey.Partner("alice")] = previous },
            ClosingPartners = new HashSet<string> { "alice" },
        };

        EpochStatement statement = Only(EpochSettler.Settle(request));

        Assert.Equal(Asset.Sol.Parse("0.05"), statement.DustSwept);
        Assert.Equal(Amount.Zero, statement.CarryOut);
        Assert.Equal(Amount.Zero, statement.Payable);
    }

    [Fact]
    public void Settle_ClosingPartnerAboveTheMinimum_IsPaidNotSwept()
    {
        SettlementRequest request = Request(Subscription(), Week1, Line("alice", "e1", OneSol)) with { ClosingPartners = new HashSet<string> { "alice" } };

        EpochStatement statement = Only(EpochSettler.Settle(request));

        Assert.Equal(Asset.Sol.Parse("0.2"), statement.Payable);
        Assert.Equal(Amount.Zero, statement.DustSwept);
    }

    [Fact]
    public void Settle_ClawbacksAboveEarnings_CarryANegativeBalanceThatNetsFutureEarnings()
    {
        List<EpochSettlement> weeks = SettleInSequence(
            Subscription(minimum: Amount.Zero),
            [Line("alice", "e1", OneSol * 10)],
            [Line("alice", "refund-e1", -(OneSol * 10), Week(1)), Line("alice", "refund-e0", -(OneSol * 5), Week(1), hour: 3)],
            [Line("alice", "e2", OneSol * 3, Week(2))],
            [Line("alice", "e3", OneSol * 5, Week(3))]);

        Assert.Equal(OneSol * 2, Only(weeks[0]).Payable);
        Assert.Equal(-(OneSol * 3), Only(weeks[1]).CarryOut);
        Assert.Equal(Amount.Zero, Only(weeks[1]).Payable);
        Assert.Equal(-Asset.Sol.Parse("2.4"), Only(weeks[2]).CarryOut);
        Assert.Empty(weeks[2].Payouts);
        Assert.Equal(-Asset.Sol.Parse("1.4"), Only(weeks[3]).CarryOut);
    }

    [Fact]
    public void Settle_NegativeBalanceOfAClosingPartner_IsCarriedNotSwept()
    {
        SettlementRequest request = Request(Subscription(), Week1, Line("alice", "refund", -OneSol)) with
        {
            PreviousStates = new Dictionary<PayeeKey, PartnerState> { [PayeeKey.Partner("alice")] = new(Amount.Zero, "Tier 1", OneSol * 10, 0) },
            ClosingPartners = new HashSet<string> { "alice" },
        };

        EpochStatement statement = Only(EpochSettler.Settle(request));

        Assert.Equal(-Asset.Sol.Parse("0.2"), statement.CarryOut);
        Assert.Equal(Amount.Zero, statement.DustSwept);
    }

    [Fact]
    public void Settle_FeeShare_PaysTheReferralShareOfEachFee()
    {
        SettlementLine[] lines =
        [
            Line("bob", "t1", Amount.FromUnits(600_000), asset: Asset.UsdcSolana) with { ReferralFee = Rate.Full },
            Line("bob", "t2", Amount.FromUnits(-100_000), hour: 2, asset: Asset.UsdcSolana) with { ReferralFee = Rate.Full },
        ];

        EpochStatement statement = Only(EpochSettler.Settle(Request(FeeShare(Amount.Zero), Week1, lines)));

        Assert.Equal(string.Empty, statement.Tier);
        Assert.Equal(Amount.FromUnits(500_000), statement.Payable);
        Assert.Equal(Amount.Zero, (statement.Revenue - statement.Commission));
    }

    [Fact]
    public void Settle_ResellerAtGold_ThirtyNewUsersAtFortyNineDollars_Earns441()
    {
        EpochCalendar monthly = EpochCalendar.Monthly();
        Epoch november = monthly.EpochContaining(Instant.FromUtc(2026, 11, 1, 0, 0));
        var terms = new SettlementTerms(
            ProgramKind.RevenueShare, Asset.UsdcSolana, Asset.UsdcSolana.Whole(10), DustRule.OnlyWhenClosed, TierPresets.CommunityReseller, TierMetric.EpochReferrals);
        SettlementLine[] lines = Enumerable.Range(0, 30)
            .Select(i => Line("carol", $"sub-{i}", Asset.UsdcSolana.Whole(49), november, hour: i, asset: Asset.UsdcSolana))
            .ToArray();
        SettlementRequest request = Request(terms, november, lines) with { Referrals = new Dictionary<string, int> { ["carol"] = 30 } };

        EpochStatement statement = Only(EpochSettler.Settle(request));

        Assert.Equal("Gold", statement.Tier);
        Assert.Equal(30, statement.Referrals);
        Assert.Equal(Asset.UsdcSolana.Whole(441), statement.Payable);
    }

    [Fact]
    public void Settle_ResellerWithoutReferrals_HasNoTierAndEarnsNothing()
    {
        var terms = new SettlementTerms(
            ProgramKind.RevenueShare, Asset.Sol, Amount.Zero, DustRule.OnlyWhenClosed, TierPresets.CommunityReseller, TierMetric.EpochReferrals);

        EpochStatement statement = Only(EpochSettler.Settle(Request(terms, Week1, Line("carol", "e1", OneSol))));

        Assert.Equal(string.Empty, statement.Tier);
        Assert.Equal(Amount.Zero, statement.Earned);
        Assert.Equal(OneSol, (statement.Revenue - statement.Commission));
    }

    [Fact]
    public void Settle_PartnerWithNothingToSettle_GetsNoStatement()
    {
        SettlementRequest request = Request(Subscription(), Week1, Line("alice", "e1", OneSol)) with
        {
            PreviousStates = new Dictionary<PayeeKey, PartnerState> { [PayeeKey.Partner("dormant")] = new(Amount.Zero, "Tier 2", OneSol * 60, 0) },
        };

        Assert.Equal(["alice"], EpochSettler.Settle(request).Statements.Select(s => s.Payee));
    }

    [Fact]
    public void Settle_PayoutIds_AreStableAcrossRetriesAndDistinctPerKey()
    {
        SettlementRequest request = Request(Subscription(), Week1, Line("alice", "e1", OneSol), Line("bob", "e2", OneSol));

        EpochSettlement first = EpochSettler.Settle(request);
        EpochSettlement retry = EpochSettler.Settle(request with { SettledAt = request.SettledAt + Duration.FromHours(1) });

        Assert.Equal(first.Payouts.Select(p => p.Id), retry.Payouts.Select(p => p.Id));
        Assert.Equal(PayoutId.For(RegistryId, Week1.Id, "alice", Asset.Sol), first.Payouts[0].Id);
        Assert.Equal(2, first.Payouts.Select(p => p.Id).Distinct().Count());
        Assert.NotEqual(PayoutId.For(RegistryId, Week1.Id, "alice", Asset.Sol), PayoutId.For(RegistryId, Week(1).Id, "alice", Asset.Sol));
        Assert.NotEqual(PayoutId.For(RegistryId, Week1.Id, "alice", Asset.Sol), PayoutId.For(RegistryId, Week1.Id, "alice", Asset.UsdcSolana));
        Assert.NotEqual(PayoutId.For("ab", "c", "d", Asset.Sol), PayoutId.For("a", "bc", "d", Asset.Sol));
        Assert.Matches("^po-[0-9a-f]{40}$", first.Payouts[0].Id);
    }

    [Fact]
    public void Settle_StatementsCarryVerifiableHashesAndMerkleProofs()
    {
        EpochSettlement settlement = EpochSettler.Settle(Request(
            Subscription(), Week1, Line("alice", "e1", OneSol), Line("bob", "e2", OneSol), Line("carol", "e3", OneSol)));

        Assert.All(settlement.Statements, s => Assert.True(StatementHasher.IsIntact(s)));
        Assert.True(MerkleTree.Verify(settlement.MerkleRoot, settlement.ProveInclusion("bob")));
        Assert.False(StatementHasher.IsIntact(settlement.Statements[0] with { Payable = OneSol }));
        Assert.Throws<KeyNotFoundException>(() => settlement.ProveInclusion("nobody"));
        Assert.Null(settlement.StatementOf("nobody"));
    }

    [Fact]
    public void FromProgram_BuildsTheLadderFromTheTermsTiers()
    {
        var program = new ProgramTerms(
            "r", 1, Instant.FromUtc(2026, 1, 1, 0, 0), ProgramKind.RevenueShare, Rate.Zero, [], new RateRange(Rate.Zero, Rate.Zero),
            new RateRange(Rate.Zero, Rate.Zero), "^[A-Z0-9]{3,20}$", [], Duration.Zero, Duration.FromDays(30), BindingPolicy.FirstTouchPermanent,
            false, false, TierMetric.LifetimeRevenue,
            [new TierStep("Tier 1", Amount.Zero, Rate.FromPercent(20)), new TierStep("Tier 2", OneSol * 50, Rate.FromPercent(30))],
            true, EpochCadence.WeeklySunday, Asset.Sol.Parse("0.1"), Asset.Sol);

        SettlementTerms terms = SettlementTerms.FromProgram(program, DustRule.OnlyWhenClosed);

        Assert.True(terms.Tiers!.NeverDowngrade);
        Assert.Equal(new Tier("Tier 2", Rate.FromPercent(30)), terms.Tiers.Assign(OneSol.Units * 50, null, null).Tier);
        Assert.Equal(Asset.Sol.Parse("0.1"), terms.MinimumPayout);
    }
}
