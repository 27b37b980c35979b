using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using NodaTime;

namespace Affiliates.Tests.Programs;

/// <summary>The bugs of issue 10, each reproduced through the public API; each of these failed on the code before the fix.</summary>
public sealed class LedgerRegressionTests
{
    private static readonly Instant Week0 = Instant.FromUtc(2026, 11, 1, 0, 0);
    private static readonly Instant Week1 = Week0 + Duration.FromDays(7);
    private static readonly Instant Week2 = Week0 + Duration.FromDays(14);
    private static readonly Instant Week3 = Week0 + Duration.FromDays(21);

    private static ProgramTerms SolShare(Rate rate) => ProgramTermsDefaults.RevenueShare(Asset.Sol, rate) with { MinimumPayout = Asset.Sol.Parse("0.1") };

    private static ProgramTerms TwoTiers => SolShare(Rate.FromPercent(20)) with
    {
        Tiers = [new TierStep("Tier 1", Amount.Zero, Rate.FromPercent(20)), new TierStep("Tier 2", Asset.Sol.Whole(50), Rate.FromPercent(30))],
        MinimumPayout = Amount.Zero,
    };

    [Fact]
    public async Task PaidTwice_WhenWeeksSettleOutOfOrder()
    {
        ProgramFixture f = await SubscriptionAsync(SolShare(Rate.Full));
        await PayAsync(f, "p0", Week0, "0.05");
        await PayAsync(f, "p1", Week1, "0.06");
        await PayAsync(f, "p2", Week2, "0.06");
        f.Clock.Now = Week3;

        var paid = new List<PayoutIntent>();
        var outcomes = new List<SettlementOutcome>();
        foreach (Instant week in new[] { Week0, Week2, Week1, Week2 })
        {
            SettlementResult result = await f.Program.SettleEpochAsync(ProgramFixture.Registry, week);
            outcomes.Add(result.Outcome);
            paid.AddRange(result.Settlement?.Payouts ?? []);
        }

        Amount total = paid.Aggregate(Amount.Zero, (sum, p) => sum + p.Amount);
        Assert.True(total <= Asset.Sol.Parse("0.17"), $"paid {Asset.Sol.Format(total)} SOL for 0.17 SOL earned");
        Assert.Equal([SettlementOutcome.Settled, SettlementOutcome.EarlierEpochOpen, SettlementOutcome.Settled, SettlementOutcome.Settled], outcomes);
        EpochStatement week2 = Assert.Single(await f.Store.ListStatementsAsync(ProgramFixture.Registry, "2026-11-15W"));
        Assert.Equal((Asset.Sol.Parse("0.11"), Asset.Sol.Parse("0.06")), (total, week2.CarryOut));
    }

    [Fact]
    public async Task Lost_WhenAnEventArrivesForASettledEpoch()
    {
        ProgramFixture f = await SubscriptionAsync(SolShare(Rate.Full) with { MinimumPayout = Amount.Zero });
        await PayAsync(f, "p0", Week0 + Duration.FromDays(1), "1");
        f.Clock.Now = Week1 + Duration.FromHours(1);
        Assert.Equal(SettlementOutcome.Settled, (await f.Program.SettleEpochAsync(ProgramFixture.Registry, Week0)).Outcome);

        await PayAsync(f, "late", Week0 + Duration.FromDays(2), "2");
        f.Clock.Now = Week2 + Duration.FromHours(1);
        SettlementResult week1 = await f.Program.SettleEpochAsync(ProgramFixture.Registry, Week1);

        StatementLine late = Assert.Single(week1.Statements.SelectMany(s => s.Lines), line => line.EventId == "late");
        Assert.True(late.Late);
        Assert.Equal(Week0 + Duration.FromDays(2), late.OccurredAt);
        Assert.Equal(Asset.Sol.Parse("2"), week1.Settlement!.Payable);
    }

    [Fact]
    public async Task Relabelled_WhenThePayoutAssetChangesBeforeSettlement()
    {
        ProgramFixture f = await SubscriptionAsync(SolShare(Rate.Full) with { MinimumPayout = Amount.Zero });
        await PayAsync(f, "p0", Week0 + Duration.FromDays(1), "0.2");
        ChangeResult republished = await f.ApplyAsync(ProgramFixture.Admin, new PublishTerms(SolShare(Rate.Full) with { MinimumPayout = Amount.Zero, PayoutAsset = Asset.UsdcSolana }));
        Assert.Equal(ChangeOutcome.InvalidTerms, republished.Outcome);
        f.Clock.Now = Week1 + Duration.FromHours(1);

        SettlementResult week0 = await f.Program.SettleEpochAsync(ProgramFixture.Registry, Week0);

        PayoutIntent payout = Assert.Single(week0.Settlement!.Payouts);
        Assert.Equal(Asset.Sol, payout.Asset);
        Assert.Equal(Asset.Sol, Assert.Single(week0.Statements).Asset);
        Assert.Equal(IngestStatus.WrongAsset, (await f.IngestAsync(Payment("usdc", Week0 + Duration.FromDays(2), "1") with { Asset = Asset.UsdcSolana })).Status);
    }

    [Fact]
    public async Task RetroactiveTerms_WhenTermsArePublishedMidWeek()
    {
        ProgramFixture f = await SubscriptionAsync(SolShare(Rate.FromPercent(20)) with { MinimumPayout = Amount.Zero });
        f.Clock.Now = Week0 + Duration.FromDays(3);
        Assert.True((await f.ApplyAsync(ProgramFixture.Admin, new PublishTerms(SolShare(Rate.FromPercent(5)) with { MinimumPayout = Amount.Zero }))).IsApplied);
        await PayAsync(f, "p0", Week0 + Duration.FromDays(4), "1");
        f.Clock.Now = Week1 + Duration.FromHours(1);

        SettlementResult week0 = await f.Program.SettleEpochAsync(ProgramFixture.Registry, Week0);

        Assert.Equal(Asset.Sol.Parse("0.2"), Assert.Single(week0.Statements).Earned);
    }

    [Fact]
    public async Task ClawbackAtTheWrongRate_AfterThePartnersTierRose()
    {
        ProgramFixture f = await SubscriptionAsync(TwoTiers);
        await PayAsync(f, "p0", Week0 + Duration.FromDays(1), "10");
        f.Clock.Now = Week1 + Duration.FromHours(1);
        Assert.Equal(Asset.Sol.Parse("2"), Assert.Single((await f.Program.SettleEpochAsync(ProgramFixture.Registry, Week0)).Statements).Earned);

        await PayAsync(f, "p1", Week1 + Duration.FromDays(1), "50");
        await RefundAsync(f, "r0", "p0", Week1 + Duration.FromDays(2), "10");
        f.Clock.Now = Week2 + Duration.FromHours(1);
        EpochStatement week1 = Assert.Single((await f.Program.SettleEpochAsync(ProgramFixture.Registry, Week1)).Statements);

        Assert.Equal("Tier 2", week1.Tier);
        Assert.Equal(-Asset.Sol.Parse("2"), week1.Lines.Single(l => l.EventId == "r0").Amount);
    }

    [Fact]
    public async Task ClawbackOfNothing_WhenAGoldPaymentIsRefundedInAMonthWithoutReferrals()
    {
        ProgramTerms terms = ProgramTermsDefaults.RevenueShare(Asset.UsdcSolana, Rate.FromPercent(20)) with
        {
            TierMetric = TierMetric.EpochReferrals,
            Tiers = [new TierStep("Bronze", Amount.FromUnits(1), Rate.FromPercent(20)), new TierStep("Gold", Amount.FromUnits(21), Rate.FromPercent(30))],
            TiersNeverDowngrade = false,
            Epochs = EpochCadence.Monthly,
        };
        var f = new ProgramFixture(Instant.FromUtc(2026, 11, 1, 0, 0));
        await f.WithRegistryAsync(terms);
        await f.CreateCodeAsync("gold-wallet", "AB123");
        for (int u = 0; u < 21; u++)
        {
            Assert.Equal(BindOutcome.Bound, (await f.BindAsync($"user-{u}", "AB123")).Outcome);
        }

        Amount price = Asset.UsdcSolana.Parse("49");
        await f.IngestAsync(new ProgramEvent(ProgramFixture.Registry, "nov", EventKind.SubscriptionPayment, Instant.FromUtc(2026, 11, 10, 0, 0), "user-0", price, Amount.Zero, Asset.UsdcSolana));
        f.Clock.Now = Instant.FromUtc(2026, 12, 1, 1, 0);
        EpochStatement november = Assert.Single((await f.Program.SettleEpochAsync(ProgramFixture.Registry, Instant.FromUtc(2026, 11, 10, 0, 0))).Statements);
        Assert.Equal(Asset.UsdcSolana.Parse("14.7"), november.Earned);

        await f.IngestAsync(new ProgramEvent(ProgramFixture.Registry, "dec-refund", EventKind.Refund, Instant.FromUtc(2026, 12, 5, 0, 0), "user-0", price, Amount.Zero, Asset.UsdcSolana, RefundOf: "nov"));
        f.Clock.Now = Instant.FromUtc(2027, 1, 1, 1, 0);
        EpochStatement december = Assert.Single((await f.Program.SettleEpochAsync(ProgramFixture.Registry, Instant.FromUtc(2026, 12, 5, 0, 0))).Statements);

        Assert.Equal(-Asset.UsdcSolana.Parse("14.7"), december.Earned);
    }

    [Fact]
    public async Task OrderDecidesTheMoney_WithTheTrailingMultiplier()
    {
        ProgramEvent[] trades = [.. Enumerable.Range(0, 2_000).Select(i => new ProgramEvent(
            ProgramFixture.Registry, $"t{i:D4}", EventKind.Trade, Week0 + Duration.FromMinutes(5 * i), "user", Amount.FromUnits(40), Amount.Zero, Asset.Usd))];

        string inTimeOrder = await RootAsync(trades);
        string reversed = await RootAsync([.. trades.Reverse()]);

        Assert.Equal(inTimeOrder, reversed);

        static async Task<string> RootAsync(ProgramEvent[] events)
        {
            var f = new ProgramFixture(Week0);
            await f.WithRegistryAsync();
            await f.CreateCodeAsync("alice", "AB123");
            await f.BindAsync("user", "AB123");
            foreach (ProgramEvent[] batch in events.Chunk(100))
            {
                Assert.All(await f.Program.IngestAsync(batch), r => Assert.Equal(IngestStatus.Recorded, r.Status));
            }

            f.Clock.Now = Week1 + Duration.FromHours(1);
            return (await f.Program.SettleEpochAsync(ProgramFixture.Registry, Week0)).Settlement!.MerkleRoot;
        }
    }

    [Fact]
    public async Task RefusedRefund_WhenItArrivesBeforeItsPayment()
    {
        ProgramFixture f = await SubscriptionAsync(SolShare(Rate.Full) with { MinimumPayout = Amount.Zero });

        IngestResult refund = Assert.Single(await f.Program.IngestAsync([Refund("r0", "p0", Week0 + Duration.FromDays(2), "1")]));
        await PayAsync(f, "p0", Week0 + Duration.FromDays(1), "1");
        f.Clock.Now = Week1 + Duration.FromHours(1);
        EpochStatement week0 = Assert.Single((await f.Program.SettleEpochAsync(ProgramFixture.Registry, Week0)).Statements);

        Assert.Equal(IngestStatus.Held, refund.Status);
        Assert.Equal(Amount.Zero, week0.Earned);
        Assert.Equal(2, week0.Lines.Count);
    }

    [Fact]
    public async Task PartialRefund_IsRefused()
    {
        ProgramFixture f = await SubscriptionAsync(SolShare(Rate.FromPercent(20)) with { MinimumPayout = Amount.Zero });
        await PayAsync(f, "p0", Week0 + Duration.FromDays(1), "10");

        IngestResult refund = Assert.Single(await f.Program.IngestAsync([Refund("r0", "p0", Week0 + Duration.FromDays(2), "4")]));
        f.Clock.Now = Week1 + Duration.FromHours(1);
        EpochStatement week0 = Assert.Single((await f.Program.SettleEpochAsync(ProgramFixture.Registry, Week0)).Statements);

        Assert.Equal(IngestStatus.Recorded, refund.Status);
        Assert.Equal(Asset.Sol.Parse("1.2"), week0.Earned);
    }

    [Fact]
    public async Task ConflictingResend_IsAPlainDuplicate()
    {
        ProgramFixture f = await SubscriptionAsync(SolShare(Rate.FromPercent(20)));
        await PayAsync(f, "p0", Week0 + Duration.FromDays(1), "10");

        IngestResult resent = Assert.Single(await f.Program.IngestAsync([Payment("p0", Week0 + Duration.FromDays(1), "11")]));

        Assert.Equal(IngestStatus.Conflict, resent.Status);
        Assert.Equal(IngestStatus.Duplicate, Assert.Single(await f.Program.IngestAsync([Payment("p0", Week0 + Duration.FromDays(1), "10")])).Status);
        Assert.Equal(Asset.Sol.Parse("10"), (await f.Store.GetEventAsync(ProgramFixture.Registry, "p0"))!.Amount);
    }

    [Fact]
    public async Task SplitCreditingNothing_ReadsAsApplied()
    {
        var f = new ProgramFixture(Week0);
        await f.WithRegistryAsync(ProgramFixture.RujiraTerms with { MultiplierLadder = [] });
        await f.CreateCodeAsync("alice", "AB123");
        await f.BindAsync("user", "AB123");

        IngestResult trade = await f.IngestAsync(f.Trade("t1", "user", fee: 19));

        Assert.Equal(FeeOutcome.NothingCredited, trade.Outcome);
    }

    [Fact]
    public async Task RevenueShareWithoutTiers_PublishesThenSettlementThrows()
    {
        var f = new ProgramFixture(Week0);

        RegistryResult created = await f.Program.CreateRegistryAsync(
            new NewRegistry(ProgramFixture.Registry, "x", ProgramFixture.Admin, SolShare(Rate.FromPercent(20)) with { Tiers = [] }));

        Assert.Equal(ChangeOutcome.InvalidTerms, created.Outcome);
    }

    [Fact]
    public async Task UserKickbacks_AppearInNoStatementOrPayout()
    {
        var f = new ProgramFixture(Week0);
        await f.WithRegistryAsync(ProgramFixture.RujiraTerms with { MultiplierLadder = [] });
        await f.CreateCodeAsync("alice", "AB123", kickback: Rate.FromPercent(20));
        await f.BindAsync("user", "AB123");
        await f.IngestAsync(f.Trade("t1", "user", fee: 1_000));
        f.Clock.Now = Week1 + Duration.FromHours(1);

        SettlementResult week0 = await f.Program.SettleEpochAsync(ProgramFixture.Registry, Week0);

        Assert.Contains(week0.Settlement!.Payouts, p => p.PayeeAddress == "user" && p.Amount == Amount.FromUnits(10) && p.PayeeKind == PayeeKind.User);
        Assert.Contains(week0.Settlement.Payouts, p => p.PayeeAddress == "pay-alice" && p.Amount == Amount.FromUnits(40) && p.PayeeKind == PayeeKind.Partner);
    }

    [Fact]
    public async Task AffiliateFee_IsMixedIntoThePartnersCommission()
    {
        var f = new ProgramFixture(Week0);
        await f.WithRegistryAsync(ProgramFixture.RujiraTerms with { MultiplierLadder = [] });
        await f.CreateCodeAsync("alice", "AB123", affiliateFee: Rate.FromPercent(1));
        await f.BindAsync("user", "AB123");
        await f.IngestAsync(f.Trade("t1", "user", fee: 1_000, notional: 10_000));
        f.Clock.Now = Week1 + Duration.FromHours(1);

        SettlementResult week0 = await f.Program.SettleEpochAsync(ProgramFixture.Registry, Week0);

        EpochStatement alice = Assert.Single(week0.Statements);
        Assert.Equal((Amount.FromUnits(50), Amount.FromUnits(100), Amount.FromUnits(150)), (alice.Commission, alice.AffiliateFees, alice.Earned));
        Assert.Equal([StatementLineKind.Commission, StatementLineKind.AffiliateFee], alice.Lines.Select(l => l.Kind));
    }

    [Fact]
    public async Task NewHistory_WhenAPartnerChangesItsPaymentAddress()
    {
        ProgramFixture f = await SubscriptionAsync(TwoTiers with { MinimumPayout = Asset.Sol.Whole(100) });
        await PayAsync(f, "p0", Week0 + Duration.FromDays(1), "60");
        f.Clock.Now = Week1 + Duration.FromHours(1);
        EpochStatement week0 = Assert.Single((await f.Program.SettleEpochAsync(ProgramFixture.Registry, Week0)).Statements);
        Assert.Equal("Tier 2", week0.Tier);

        Assert.True((await f.ApplyAsync("alice", new SetPaymentAddress("AB123", "alice-new-wallet"))).IsApplied);
        await PayAsync(f, "p1", Week1 + Duration.FromDays(1), "1");
        f.Clock.Now = Week2 + Duration.FromHours(1);
        EpochStatement week1 = Assert.Single((await f.Program.SettleEpochAsync(ProgramFixture.Registry, Week1)).Statements);

        Assert.Equal(("Tier 2", Asset.Sol.Whole(61), week0.CarryOut), (week1.Tier, week1.LifetimeRevenue, week1.CarryIn));
        Assert.Equal("alice", week1.Payee);
    }

    private static async Task<ProgramFixture> SubscriptionAsync(ProgramTerms terms)
    {
        var f = new ProgramFixture(Week0);
        await f.WithRegistryAsync(terms);
        await f.CreateCodeAsync("alice", "AB123");
        Assert.Equal(BindOutcome.Bound, (await f.BindAsync("user", "AB123")).Outcome);
        return f;
    }

    private static ProgramEvent Payment(string id, Instant at, string sol) =>
        new(ProgramFixture.Registry, id, EventKind.SubscriptionPayment, at, "user", Asset.Sol.Parse(sol), Amount.Zero, Asset.Sol);

    private static ProgramEvent Refund(string id, string of, Instant at, string sol) =>
        new(ProgramFixture.Registry, id, EventKind.Refund, at, "user", Asset.Sol.Parse(sol), Amount.Zero, Asset.Sol, RefundOf: of);

    private static async Task PayAsync(ProgramFixture f, string id, Instant at, string sol) =>
        Assert.Equal(IngestStatus.Recorded, (await f.IngestAsync(Payment(id, at, sol))).Status);

    private static async Task RefundAsync(ProgramFixture f, string id, string of, Instant at, string sol) =>
        Assert.Equal(IngestStatus.Recorded, (await f.IngestAsync(Refund(id, of, at, sol))).Status);
}
