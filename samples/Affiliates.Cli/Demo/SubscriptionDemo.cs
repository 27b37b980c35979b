using Affiliates.Hosting;
using Affiliates.Ledger;
using Affiliates.Programs;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Affiliates.Cli.Demo;

/// <summary>
/// The subscription revenue-share program (docs/programs.md, program 1): a trading-bot platform pays 20 % of referred
/// subscription revenue, 30 % once a partner's lifetime referred revenue reaches 50 SOL (never downgraded), settled
/// weekly from Sunday 00:00 UTC, paid in SOL above a 0.1 SOL minimum with carry-over below it.
/// </summary>
/// <param name="affiliates">How many partners sign up (each with four referred users).</param>
/// <param name="weeks">How many weekly epochs run and settle.</param>
internal sealed class SubscriptionDemo(int affiliates, int weeks)
{
    public const string Registry = "trading-bot";
    private const string Admin = "admin-wallet";
    private const int UsersPerPartner = 4;
    private static readonly Instant FirstSunday = Instant.FromUtc(2026, 11, 1, 0, 0);

    public static ProgramTerms Terms => ProgramTermsDefaults.RevenueShare(Asset.Sol, Rate.FromPercent(20)) with
    {
        Tiers = [new TierStep("Tier 1", Amount.Zero, Rate.FromPercent(20)), new TierStep("Tier 2", Asset.Sol.Whole(50), Rate.FromPercent(30))],
        TiersNeverDowngrade = true,
        MinimumPayout = Asset.Sol.Parse("0.1"),
    };

    /// <summary>Called after each partner is set up.</summary>
    public Action? PartnerReady { get; init; }

    /// <summary>Called after each week is settled.</summary>
    public Action? WeekSettled { get; init; }

    /// <summary>Runs the program on the store <paramref name="useStore"/> registers; <paramref name="shuffle"/> sends each week's payments in another order.</summary>
    public async Task<DemoRun> RunAsync(Action<IAffiliatesBuilder> useStore, bool shuffle, CancellationToken cancellationToken = default)
    {
        var clock = new SimulatedClock(FirstSunday);
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddSingleton<ISignatureVerifier, DemoWallets>();
        useStore(services.AddAffiliates(o => o.IpHashSalt = "demo-salt"));
        await using ServiceProvider provider = services.BuildServiceProvider();
        IAffiliateProgram program = provider.GetRequiredService<IAffiliateProgram>();

        RegistryResult created = await program.CreateRegistryAsync(new NewRegistry(Registry, "Trading bot", Admin, Terms), cancellationToken);
        Expect(created.Outcome == ChangeOutcome.Applied, $"registry created ({created.Detail})");
        int clicks = 0;
        int conversions = 0;
        for (int a = 0; a < affiliates; a++)
        {
            string wallet = Wallet(a);
            var change = new CreateCode(Code(a), "web", wallet, Rate.Zero, Rate.Zero);
            Instant expires = clock.Now + Duration.FromMinutes(5);
            string nonce = $"create-{a}";
            string signature = DemoWallets.Sign(wallet, SignedRequest.MessageFor(Registry, wallet, change, nonce, expires));
            ChangeResult applied = await program.ApplyAsync(new SignedRequest(Registry, wallet, change, nonce, expires, signature), cancellationToken);
            Expect(applied.IsApplied, $"code {Code(a)} created ({applied.Detail})");
            for (int u = 0; u < UsersPerPartner; u++)
            {
                ClickResult click = await program.RecordClickAsync(new ClickRequest(Registry, Code(a).ToLowerInvariant(), "203.0.113.7", "demo"), cancellationToken);
                clicks++;
                BindResult bound = await program.ConvertAsync(new ConversionRequest(Registry, User(a, u), click.Token), cancellationToken);
                Expect(bound.Outcome == BindOutcome.Bound, $"user {User(a, u)} bound ({bound.Outcome})");
                conversions++;
            }

            PartnerReady?.Invoke();
        }

        var settled = new List<DemoWeek>();
        for (int week = 0; week < weeks; week++)
        {
            Instant start = FirstSunday + Duration.FromDays(7 * week);
            List<ProgramEvent> events = WeekOfEvents(week, start);
            if (shuffle)
            {
                // A refund can only follow the payment it refunds, so only the payments change order.
                events = [.. events.Where(e => e.Kind != EventKind.Refund).Reverse(), .. events.Where(e => e.Kind == EventKind.Refund)];
            }

            clock.Now = start + Duration.FromDays(6);
            IReadOnlyList<IngestResult> ingested = await program.IngestAsync(events, cancellationToken);
            IngestResult? refused = ingested.FirstOrDefault(r => r.Status != IngestStatus.Recorded);
            Expect(refused is null, $"every event recorded ({refused?.EventId}: {refused?.Status}, {refused?.Detail})");
            Expect((await program.IngestAsync(events, cancellationToken)).All(r => r.Status == IngestStatus.Duplicate), "a replayed batch is recognised as duplicates");

            clock.Now = start + Duration.FromDays(7);
            SettlementResult result = await program.SettleEpochAsync(Registry, start, cancellationToken);
            Expect(result.Outcome == SettlementOutcome.Settled, $"week {week} settled ({result.Outcome})");
            List<ProgramEvent> payments = [.. events.Where(e => e.Kind == EventKind.SubscriptionPayment)];
            List<ProgramEvent> refunds = [.. events.Where(e => e.Kind == EventKind.Refund)];
            settled.Add(new DemoWeek(result.Settlement!, Sum(payments), Sum(refunds), payments.Count, refunds.Count));
            WeekSettled?.Invoke();
        }

        return new DemoRun(affiliates, clicks, conversions, settled);
    }

    public static string Wallet(int partner) => $"wallet-{partner:D3}";

    private static string Code(int partner) => $"BOT{partner:D3}";

    private static string User(int partner, int user) => $"user-{partner:D3}-{user}";

    /// <summary>
    /// One referred user of each partner pays a subscription: 0.49 SOL (0.1 SOL for every tenth partner), partner 0's
    /// users the 15 SOL plan for four weeks. Every 25th partner's user asks for last week's payment back every fourth week.
    /// </summary>
    private List<ProgramEvent> WeekOfEvents(int week, Instant start)
    {
        var events = new List<ProgramEvent>();
        for (int a = 0; a < affiliates; a++)
        {
            events.Add(new ProgramEvent(Registry, PaymentId(week, a), EventKind.SubscriptionPayment, start + Duration.FromMinutes(a + 1), User(a, week % UsersPerPartner), Price(a, week), Amount.Zero));
            if (a % 25 == 3 && week % 4 == 1)
            {
                events.Add(new ProgramEvent(Registry, $"refund-{week}-{a}", EventKind.Refund, start + Duration.FromDays(2) + Duration.FromMinutes(a), User(a, (week - 1) % UsersPerPartner), Price(a, week - 1), Amount.Zero, RefundOf: PaymentId(week - 1, a)));
            }
        }

        return events;
    }

    private static string PaymentId(int week, int partner) => $"pay-{week}-{partner}";

    private static Amount Price(int partner, int week) =>
        partner == 0 && week < 4 ? Asset.Sol.Whole(15) : Asset.Sol.Parse(partner % 10 == 9 ? "0.1" : "0.49");

    private static Amount Sum(IEnumerable<ProgramEvent> events) => events.Aggregate(Amount.Zero, static (sum, e) => sum + e.Amount);

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new DemoCheckException($"Demo check failed: {what}.");
        }
    }
}
