using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using NodaTime;

namespace Affiliates.Tests.Programs;

/// <summary>Program 2 of DESIGN.md: monthly revenue share at a tier set by the month's new referrals.</summary>
public sealed class ResellerProgramTests
{
    private static readonly Amount Subscription = Asset.UsdcSolana.Parse("49");

    private static ProgramTerms Terms => ProgramTermsDefaults.RevenueShare(Asset.UsdcSolana, Rate.FromPercent(20)) with
    {
        TierMetric = TierMetric.EpochReferrals,
        Tiers =
        [
            new TierStep("Bronze", Amount.FromUnits(1), Rate.FromPercent(20)),
            new TierStep("Silver", Amount.FromUnits(6), Rate.FromPercent(25)),
            new TierStep("Gold", Amount.FromUnits(21), Rate.FromPercent(30)),
            new TierStep("Platinum", Amount.FromUnits(51), Rate.FromPercent(35)),
        ],
        TiersNeverDowngrade = false,
        Epochs = EpochCadence.Monthly,
        BindingPolicy = BindingPolicy.Replaceable,
    };

    [Fact]
    public async Task AMonthOfNewReferrals_SetsTheTier_ThirtyAtGoldEarn441()
    {
        var f = new ProgramFixture(Instant.FromUtc(2026, 10, 20, 0, 0));
        Assert.Equal(ChangeOutcome.Applied, (await f.Program.CreateRegistryAsync(new NewRegistry(ProgramFixture.Registry, "Resellers", ProgramFixture.Admin, Terms))).Outcome);
        await f.CreateCodeAsync("gold-wallet", "AB123");
        await f.CreateCodeAsync("bronze-wallet", "BOB77");
        await f.CreateCodeAsync("october-wallet", "CD456");
        await BindAsync(f, "october", "CD456", 4);
        f.Clock.Now = Instant.FromUtc(2026, 11, 2, 0, 0);
        await BindAsync(f, "gold", "AB123", 30);
        await BindAsync(f, "bronze", "BOB77", 3);
        await f.BindAsync("removed-user", "BOB77");
        Assert.Equal(BindOutcome.Removed, (await f.Program.RemoveBindingAsync(ProgramFixture.Registry, "removed-user")).Outcome);

        f.Clock.Now = Instant.FromUtc(2026, 11, 10, 0, 0);
        ProgramEvent[] payments = [.. new[] { ("gold", 30), ("bronze", 3), ("october", 4) }
            .SelectMany(p => Enumerable.Range(0, p.Item2).Select(u =>
                new ProgramEvent(ProgramFixture.Registry, $"{p.Item1}-{u}-nov", EventKind.SubscriptionPayment, f.Clock.Now, $"{p.Item1}-user-{u}", Subscription, Amount.Zero, Asset.UsdcSolana)))];
        Assert.All(await f.Program.IngestAsync(payments), r => Assert.Equal(IngestStatus.Recorded, r.Status));
        f.Clock.Now = Instant.FromUtc(2026, 12, 1, 0, 5);
        Assert.Equal(SettlementOutcome.EarlierEpochOpen, (await f.Program.SettleEpochAsync(ProgramFixture.Registry, Instant.FromUtc(2026, 11, 15, 0, 0))).Outcome);
        EpochStatement october = Assert.Single((await f.Program.SettleEpochAsync(ProgramFixture.Registry, Instant.FromUtc(2026, 10, 25, 0, 0))).Statements);
        Assert.Equal(("october-wallet", "Bronze", 4), (october.Payee, october.Tier, october.Referrals));
        SettlementResult november = await f.Program.SettleEpochAsync(ProgramFixture.Registry, Instant.FromUtc(2026, 11, 15, 0, 0));

        Assert.Equal(SettlementOutcome.Settled, november.Outcome);
        EpochStatement gold = Assert.Single(november.Statements, s => s.Payee == "gold-wallet");
        EpochStatement bronze = Assert.Single(november.Statements, s => s.Payee == "bronze-wallet");
        EpochStatement quiet = Assert.Single(november.Statements, s => s.Payee == "october-wallet");
        Assert.Equal(("Gold", 30, Asset.UsdcSolana.Parse("441")), (gold.Tier, gold.Referrals, gold.Earned));
        Assert.Equal(("Bronze", 3, Asset.UsdcSolana.Parse("29.4")), (bronze.Tier, bronze.Referrals, bronze.Earned));

        // Referred in October, paying in November, no new referral in November: no tier, no commission that month.
        Assert.Equal((string.Empty, 0, Amount.Zero), (quiet.Tier, quiet.Referrals, quiet.Earned));
        Assert.Equal(Amount.FromUnits(Subscription.Units * 37), november.Statements.Aggregate(Amount.Zero, (sum, s) => sum + s.Revenue));
    }

    private static async Task BindAsync(ProgramFixture f, string partner, string code, int users)
    {
        for (int u = 0; u < users; u++)
        {
            Assert.Equal(BindOutcome.Bound, (await f.BindAsync($"{partner}-user-{u}", code)).Outcome);
        }
    }
}
