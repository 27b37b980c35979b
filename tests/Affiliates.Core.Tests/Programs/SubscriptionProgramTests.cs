using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using NodaTime;

namespace Affiliates.Tests.Programs;

/// <summary>The subscription revenue share: ?ref=wallet links, 30-day cookie, permanent attribution, weekly settlement, 20 % → 30 % at 50 SOL.</summary>
public sealed class SubscriptionProgramTests
{
    private const int Affiliates = 140;
    private const int Weeks = 13;
    private static readonly Instant FirstSunday = Instant.FromUtc(2026, 11, 1, 0, 0);
    private static readonly Amount Tier2Threshold = Asset.Sol.Whole(50);

    private static ProgramTerms Terms => ProgramTermsDefaults.RevenueShare(Asset.Sol, Rate.FromPercent(20)) with
    {
        Tiers = [new TierStep("Tier 1", Amount.Zero, Rate.FromPercent(20)), new TierStep("Tier 2", Tier2Threshold, Rate.FromPercent(30))],
        TiersNeverDowngrade = true,
        MinimumPayout = Asset.Sol.Parse("0.5"),
    };

    [Fact]
    public async Task ThirteenWeeks_Of140Affiliates_SettleExactlyWithStickyTiersAndCarryOver()
    {
        (ProgramFixture f, List<SettleResult> settled) = await RunAsync();

        Assert.Equal(Weeks, settled.Count);
        Assert.All(settled, s => Assert.Equal(SettleOutcome.Settled, s.Outcome));
        var model = new Dictionary<string, (Amount Lifetime, bool Tier2, Amount Carry)>(StringComparer.Ordinal);
        foreach (EpochSettlement settlement in settled.Select(s => s.Settlement!))
        {
            IReadOnlyList<EpochStatement> stored = await f.Store.ListStatementsAsync(ProgramFixture.Registry, settlement.Epoch.Id);
            Assert.Equal(settlement.Statements.Select(s => s.Hash), stored.Select(s => s.Hash));
            foreach (EpochStatement statement in settlement.Statements)
            {
                (Amount lifetime, bool tier2, Amount carry) = model.GetValueOrDefault(statement.Partner, (Amount.Zero, false, Amount.Zero));
                Amount revenue = statement.Lines.Aggregate(Amount.Zero, (sum, line) => sum + line.Revenue);
                lifetime += revenue;
                tier2 |= lifetime >= Tier2Threshold;
                Rate rate = tier2 ? Rate.FromPercent(30) : Rate.FromPercent(20);
                Amount earned = statement.Lines.Aggregate(Amount.Zero, (sum, line) => sum + line.Revenue.Times(rate));
                Amount balance = carry + earned;
                Amount payable = balance >= Terms.MinimumPayout ? balance : Amount.Zero;

                Assert.Equal(tier2 ? "Tier 2" : "Tier 1", statement.Tier);
                Assert.Equal(lifetime, statement.LifetimeRevenue);
                Assert.Equal(carry, statement.CarryIn);
                Assert.Equal(earned, statement.Earned);
                Assert.Equal(payable, statement.Payable);
                Assert.Equal(balance - payable, statement.CarryOut);
                model[statement.Partner] = (lifetime, tier2, balance - payable);
            }

            Assert.Equal(settlement.Statements.Count(s => s.Payable.IsPositive), settlement.Payouts.Count);
            Assert.All(settlement.Payouts, p => Assert.Equal(p, f.Store.GetPayoutAsync(p.Id).AsTask().Result));
        }

        Assert.Equal(Affiliates, model.Count);
        Assert.Contains(model.Values, m => m.Tier2);
        Assert.Contains(model.Values, m => !m.Tier2);
        Assert.Contains(model.Values, m => m.Carry.IsPositive);
    }

    [Fact]
    public async Task Settlement_IsDeterministic_AndEachEpochSettlesOnce()
    {
        (ProgramFixture first, List<SettleResult> a) = await RunAsync();
        (_, List<SettleResult> b) = await RunAsync();

        Assert.Equal(a.Select(s => s.Settlement!.MerkleRoot), b.Select(s => s.Settlement!.MerkleRoot));
        Assert.Equal(SettleOutcome.AlreadySettled, (await first.Program.SettleEpochAsync(ProgramFixture.Registry, FirstSunday)).Outcome);
        Assert.Equal(SettleOutcome.EpochNotOver, (await first.Program.SettleEpochAsync(ProgramFixture.Registry, first.Clock.Now)).Outcome);
    }

    [Fact]
    public async Task Attribution_ByWalletRef_IsPermanentAndExpiresWithTheCookie()
    {
        ProgramFixture f = await new ProgramFixture(FirstSunday).WithRegistryAsync(Terms);
        await f.CreateCodeAsync("aff-a", "AFFA");
        await f.CreateCodeAsync("aff-b", "AFFB");
        ClickResult early = await f.Program.RecordClickAsync(new ClickRequest(ProgramFixture.Registry, "aff-a"));
        ClickResult second = await f.Program.RecordClickAsync(new ClickRequest(ProgramFixture.Registry, "aff-b"));
        BindResult bound = await f.Program.ConvertAsync(new ConversionRequest(ProgramFixture.Registry, "user", early.Token));

        BindResult stolen = await f.Program.ConvertAsync(new ConversionRequest(ProgramFixture.Registry, "user", second.Token));
        f.Clock.Advance(Duration.FromDays(30));
        BindResult late = await f.Program.ConvertAsync(new ConversionRequest(ProgramFixture.Registry, "late-user", second.Token));

        Assert.Equal(BindOutcome.Bound, bound.Outcome);
        Assert.Equal(BindOutcome.PermanentlyBound, stolen.Outcome);
        Assert.Equal("AFFA", stolen.Binding!.Code);
        Assert.Equal(BindOutcome.TokenExpired, late.Outcome);
    }

    private static async Task<(ProgramFixture Fixture, List<SettleResult> Settled)> RunAsync()
    {
        ProgramFixture f = await new ProgramFixture(FirstSunday).WithRegistryAsync(Terms);
        var users = new List<(string User, int Affiliate)>();
        for (int i = 0; i < Affiliates; i++)
        {
            string wallet = $"aff-{i:D3}";
            await f.CreateCodeAsync(wallet, $"AFF{i:D3}");
            for (int j = 0; j <= i % 5; j++)
            {
                ClickResult click = await f.Program.RecordClickAsync(new ClickRequest(ProgramFixture.Registry, wallet, $"10.0.{i}.{j}", "bot"));
                string user = $"user-{i:D3}-{j}";
                Assert.True((await f.Program.ConvertAsync(new ConversionRequest(ProgramFixture.Registry, user, click.Token))).IsBound);
                users.Add((user, i));
            }
        }

        var settled = new List<SettleResult>();
        for (int week = 0; week < Weeks; week++)
        {
            Instant weekStart = FirstSunday + Duration.FromDays(7 * week);
            var events = new List<ProgramEvent>();
            foreach ((string user, int affiliate) in users)
            {
                Instant paidAt = weekStart + Duration.FromDays(1 + (affiliate % 5)) + Duration.FromMinutes(affiliate);
                Amount premium = Asset.Sol.Parse("0.1") * (1 + (affiliate % 10));
                events.Add(new ProgramEvent(ProgramFixture.Registry, $"sub-{user}-w{week}", EventKind.SubscriptionPayment, paidAt, user, premium, Amount.Zero));
            }

            events.Add(new ProgramEvent(ProgramFixture.Registry, $"sub-walk-in-w{week}", EventKind.SubscriptionPayment, weekStart + Duration.FromHours(3), "walk-in", Asset.Sol.Whole(1), Amount.Zero));
            if (week == 3)
            {
                ProgramEvent refunded = events[7];
                events.Add(new ProgramEvent(ProgramFixture.Registry, "refund-1", EventKind.Refund, refunded.OccurredAt + Duration.FromHours(2), refunded.UserAddress, refunded.Amount, Amount.Zero, RefundOf: refunded.Id));
            }

            IReadOnlyList<IngestResult> results = await f.Program.IngestAsync(events);
            Assert.All(results, r => Assert.Equal(IngestStatus.Recorded, r.Status));
            Assert.Equal(FeeOutcome.Unattributed, results.Single(r => r.EventId.StartsWith("sub-walk-in", StringComparison.Ordinal)).Outcome);

            f.Clock.Now = weekStart + Duration.FromDays(7) + Duration.FromHours(1);
            settled.Add(await f.Program.SettleEpochAsync(ProgramFixture.Registry, weekStart));
        }

        return (f, settled);
    }
}
