using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using NodaTime;

namespace Affiliates.Tests.Programs;

/// <summary>Program 1 of DESIGN.md: weekly revenue share, Tier 1 20 %, Tier 2 30 % from 50 SOL lifetime, sticky.</summary>
public sealed class SubscriptionProgramTests
{
    private const int Affiliates = 140;
    private const int Weeks = 13;
    private static readonly Instant FirstSunday = Instant.FromUtc(2026, 11, 1, 0, 0);
    private static readonly Amount Minimum = Asset.Sol.Parse("0.1");

    private static ProgramTerms Terms => ProgramTermsDefaults.RevenueShare(Asset.Sol, Rate.FromPercent(20)) with
    {
        Tiers = [new TierStep("Tier 1", Amount.Zero, Rate.FromPercent(20)), new TierStep("Tier 2", Asset.Sol.Whole(50), Rate.FromPercent(30))],
        TiersNeverDowngrade = true,
        MinimumPayout = Minimum,
    };

    [Fact]
    public async Task ThirteenWeeks_OfHundredFortyAffiliates_SettleExactly_WithStickyTiersAndCarryOver()
    {
        var f = new ProgramFixture(FirstSunday);
        Assert.Equal(ChangeOutcome.Applied, (await f.Program.CreateRegistryAsync(new NewRegistry(ProgramFixture.Registry, "Bot", ProgramFixture.Admin, Terms))).Outcome);
        for (int a = 0; a < Affiliates; a++)
        {
            await f.CreateCodeAsync($"wallet-{a}", $"AFF{a:D3}");
            for (int u = 0; u < 3; u++)
            {
                Assert.Equal(BindOutcome.Bound, (await f.BindAsync($"user-{a}-{u}", $"AFF{a:D3}")).Outcome);
            }
        }

        Amount ingested = Amount.Zero;
        var statements = new List<EpochStatement>();
        for (int week = 0; week < Weeks; week++)
        {
            Instant weekStart = FirstSunday + Duration.FromDays(7 * week);
            var events = new List<ProgramEvent>();
            for (int a = 0; a < Affiliates; a++)
            {
                Amount price = PriceFor(a, week);
                events.Add(new ProgramEvent(ProgramFixture.Registry, $"w{week}-a{a}", EventKind.SubscriptionPayment, weekStart + Duration.FromHours(1 + a), $"user-{a}-{week % 3}", price, Amount.Zero, Asset.Sol));
            }

            // One refund a week: a clawback entry, never an edit.
            events.Add(new ProgramEvent(ProgramFixture.Registry, $"w{week}-refund", EventKind.Refund, weekStart + Duration.FromDays(6), $"user-7-{week % 3}", PriceFor(7, week), Amount.Zero, Asset.Sol, RefundOf: $"w{week}-a7"));
            IReadOnlyList<IngestResult> results = await f.Program.IngestAsync(events);
            Assert.All(results, r => Assert.Equal(IngestStatus.Recorded, r.Status));
            ingested += events.Where(e => e.Kind == EventKind.SubscriptionPayment).Aggregate(Amount.Zero, (s, e) => s + e.Amount) - PriceFor(7, week);

            f.Clock.Now = weekStart + Duration.FromDays(7) + Duration.FromMinutes(5);
            SettlementResult settled = await f.Program.SettleEpochAsync(ProgramFixture.Registry, weekStart);
            Assert.Equal(SettlementOutcome.Settled, settled.Outcome);
            Assert.Equal(SettlementOutcome.AlreadySettled, (await f.Program.SettleEpochAsync(ProgramFixture.Registry, weekStart)).Outcome);
            statements.AddRange(settled.Statements);
            Assert.All(settled.Settlement!.Payouts, p => Assert.True(p.Amount >= Minimum));
        }

        Amount revenue = statements.Aggregate(Amount.Zero, (s, x) => s + x.Revenue);
        Amount protocol = statements.Aggregate(Amount.Zero, (s, x) => s + x.Revenue - x.Commission);
        Amount earned = statements.Aggregate(Amount.Zero, (s, x) => s + x.Earned);
        Assert.Equal(ingested, revenue);
        Assert.Equal(revenue, protocol + earned);

        // The whale crosses 50 SOL in week 4 and stays at 30 % through its small later weeks.
        List<EpochStatement> whale = [.. statements.Where(s => s.Payee == "wallet-0").OrderBy(s => s.EpochStart)];
        int crossed = whale.FindIndex(s => s.LifetimeRevenue >= Asset.Sol.Whole(50));
        Assert.Equal(3, crossed);
        Assert.All(whale.Take(crossed), s => Assert.Equal("Tier 1", s.Tier));
        Assert.All(whale.Skip(crossed), s => Assert.Equal("Tier 2", s.Tier));
        Assert.Equal(PriceFor(0, 12).Times(Rate.FromPercent(30)), whale[^1].Earned);

        // A small affiliate never reaches the minimum in one week: its balance carries over until it does.
        List<EpochStatement> small = [.. statements.Where(s => s.Payee == "wallet-139").OrderBy(s => s.EpochStart)];
        Assert.Contains(small, s => s.Payable.IsZero && s.CarryOut.IsPositive);
        Assert.Contains(small, s => s.Payable >= Minimum);
        Assert.All(small, s => Assert.Equal(s.CarryIn + s.Earned, s.Payable + s.CarryOut + s.DustSwept));
        Assert.All(small.Zip(small.Skip(1)), pair => Assert.Equal(pair.First.CarryOut, pair.Second.CarryIn));
    }

    [Fact]
    public async Task OpenEpoch_IsNotSettled()
    {
        var f = new ProgramFixture(FirstSunday + Duration.FromDays(3));
        await f.Program.CreateRegistryAsync(new NewRegistry(ProgramFixture.Registry, "Bot", ProgramFixture.Admin, Terms));
        Assert.Equal(SettlementOutcome.EpochNotEnded, (await f.Program.SettleEpochAsync(ProgramFixture.Registry, FirstSunday)).Outcome);
        Assert.Equal(SettlementOutcome.UnknownRegistry, (await f.Program.SettleEpochAsync("nobody", FirstSunday)).Outcome);
    }

    /// <summary>Affiliate 0 is a whale for four weeks (15 SOL a week), then small; affiliate 139 brings 0.15 SOL a week (0.03 SOL commission).</summary>
    private static Amount PriceFor(int affiliate, int week) => affiliate switch
    {
        0 => week < 4 ? Asset.Sol.Whole(15) : Asset.Sol.Parse("0.2"),
        139 => Asset.Sol.Parse("0.15"),
        _ => Amount.FromUnits(((affiliate * 7919L) + (week * 104_729L)) % 900_000_000L + 50_000_000L),
    };
}
