using Affiliates.Hosting;
using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using Affiliates.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Affiliates.Cli;

/// <summary>
/// DESIGN.md program 1 on the embedded SQLite store: a trading-bot platform pays 20 % of referred subscription revenue,
/// 30 % once a partner's lifetime referred revenue reaches 50 SOL (never downgraded), settled weekly from Sunday
/// 00:00 UTC, paid in SOL above a 0.1 SOL minimum with carry-over below it.
/// </summary>
internal sealed class SubscriptionDemo(string databasePath, TextWriter output)
{
    public const string Registry = "trading-bot";
    private const string Admin = "admin-wallet";
    private static readonly Instant FirstSunday = Instant.FromUtc(2026, 11, 1, 0, 0);

    public static ProgramTerms Terms => ProgramTermsDefaults.RevenueShare(Asset.Sol, Rate.FromPercent(20)) with
    {
        Tiers = [new TierStep("Tier 1", Amount.Zero, Rate.FromPercent(20)), new TierStep("Tier 2", Asset.Sol.Whole(50), Rate.FromPercent(30))],
        TiersNeverDowngrade = true,
        MinimumPayout = Asset.Sol.Parse("0.1"),
    };

    /// <summary>Runs the program and returns each week's Merkle root over its statements.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(int affiliates, int weeks, bool shuffle)
    {
        var clock = new SimulatedClock(FirstSunday);
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddSingleton<ISignatureVerifier, DemoWallets>();
        services.AddAffiliates().UseSqlite(o => o.FilePath = databasePath);
        await using ServiceProvider provider = services.BuildServiceProvider();
        IAffiliateProgram program = provider.GetRequiredService<IAffiliateProgram>();

        Expect((await program.CreateRegistryAsync(new NewRegistry(Registry, "Trading bot", Admin, Terms))).Outcome == ChangeOutcome.Applied, "registry created");
        for (int a = 0; a < affiliates; a++)
        {
            string wallet = $"wallet-{a:D3}";
            var change = new CreateCode($"BOT{a:D3}", "web", wallet, Rate.Zero, Rate.Zero);
            Instant expires = clock.Now + Duration.FromMinutes(5);
            string nonce = $"create-{a}";
            string signature = DemoWallets.Sign(wallet, SignedRequest.MessageFor(Registry, wallet, change, nonce, expires));
            Expect((await program.ApplyAsync(new SignedRequest(Registry, wallet, change, nonce, expires, signature))).Outcome == ChangeOutcome.Applied, "code created");
            for (int u = 0; u < 4; u++)
            {
                ClickResult click = await program.RecordClickAsync(new ClickRequest(Registry, $"bot{a:D3}", "203.0.113.7", "demo"));
                Expect((await program.ConvertAsync(new ConversionRequest(Registry, $"user-{a:D3}-{u}", click.Token))).Outcome == BindOutcome.Bound, "user bound");
            }
        }

        var roots = new List<string>();
        var all = new List<EpochStatement>();
        Amount paid = Amount.Zero;
        Amount billed = Amount.Zero;
        output.WriteLine($"{"epoch",-12} {"revenue SOL",14} {"commission",12} {"protocol",12} {"payouts",8} {"paid SOL",12}  merkle root");
        for (int week = 0; week < weeks; week++)
        {
            Instant start = FirstSunday + Duration.FromDays(7 * week);
            List<ProgramEvent> events = WeekOfPayments(affiliates, week, start);
            billed = events.Aggregate(billed, (sum, e) => e.Kind == EventKind.Refund ? sum - e.Amount : sum + e.Amount);
            if (shuffle)
            {
                // A refund can only follow the payment it refunds, so only the payments change order.
                events = [.. events.Where(e => e.Kind != EventKind.Refund).Reverse(), .. events.Where(e => e.Kind == EventKind.Refund)];
            }

            clock.Now = start + Duration.FromDays(6);
            IReadOnlyList<IngestResult> ingested = await program.IngestAsync(events);
            Expect(ingested.All(r => r.Status == IngestStatus.Recorded), "every payment recorded");
            Expect((await program.IngestAsync(events)).All(r => r.Status == IngestStatus.Duplicate), "a replayed batch is recognised as duplicates");

            clock.Now = start + Duration.FromDays(7);
            SettlementResult result = await program.SettleEpochAsync(Registry, start);
            Expect(result.Outcome == SettlementOutcome.Settled, "epoch settled");
            EpochSettlement settlement = result.Settlement!;
            Amount weekPaid = settlement.Payouts.Aggregate(Amount.Zero, (sum, p) => sum + p.Amount);
            paid += weekPaid;
            all.AddRange(settlement.Statements);
            roots.Add(settlement.MerkleRoot);
            output.WriteLine($"{result.Epoch!.Id,-12} {Sol(settlement.Revenue),14} {Sol(settlement.Commissions),12} {Sol(settlement.Protocol),12} {settlement.Payouts.Count,8} {Sol(weekPaid),12}  {settlement.MerkleRoot[..16]}…");
        }

        Amount revenue = all.Aggregate(Amount.Zero, (s, x) => s + x.Revenue);
        Amount commissions = all.Aggregate(Amount.Zero, (s, x) => s + x.Earned);
        Amount protocol = all.Aggregate(Amount.Zero, (s, x) => s + x.Revenue - x.Commission);
        Expect(revenue == billed, "statements cover exactly the billed revenue");
        Expect(revenue == protocol + commissions, "revenue = protocol share + commissions, to the lamport");

        output.WriteLine();
        output.WriteLine($"billed {Sol(billed)} SOL = protocol {Sol(protocol)} + commissions {Sol(commissions)}; paid out {Sol(paid)}, carried {Sol(commissions - paid)}");
        output.WriteLine("top partners by lifetime earnings:");
        foreach (LeaderboardEntry entry in Leaderboard.Rank(all, LeaderboardMetric.Earnings, 5))
        {
            EpochStatement last = all.Where(s => s.Payee == entry.Partner).MaxBy(s => s.EpochStart)!;
            output.WriteLine($"  #{entry.Rank} {entry.Partner,-12} {Sol(Amount.FromUnits(entry.Value)),12} SOL  {last.Tier}");
        }

        return roots;
    }

    /// <summary>Every referred user pays a subscription; partner 0's users buy the 15 SOL plan for four weeks.</summary>
    private static List<ProgramEvent> WeekOfPayments(int affiliates, int week, Instant start)
    {
        var events = new List<ProgramEvent>();
        for (int a = 0; a < affiliates; a++)
        {
            Amount price = a == 0 && week < 4 ? Asset.Sol.Whole(15) : Asset.Sol.Parse(a % 10 == 9 ? "0.1" : "0.49");
            string user = $"user-{a:D3}-{week % 4}";
            events.Add(new ProgramEvent(Registry, $"pay-{week}-{a}", EventKind.SubscriptionPayment, start + Duration.FromMinutes(a + 1), user, price, Amount.Zero, Asset.Sol));
            if (a % 25 == 3)
            {
                events.Add(new ProgramEvent(Registry, $"refund-{week}-{a}", EventKind.Refund, start + Duration.FromDays(2) + Duration.FromMinutes(a), user, price, Amount.Zero, Asset.Sol, RefundOf: $"pay-{week}-{a}"));
            }
        }

        return events;
    }

    private static string Sol(Amount amount) => Asset.Sol.Format(amount);

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Demo check failed: {what}.");
        }
    }
}
