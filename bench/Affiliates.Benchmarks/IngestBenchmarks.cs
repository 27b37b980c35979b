using Affiliates.Hosting;
using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Storage;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Affiliates.Benchmarks;

/// <summary>Ingests 10 000 fee-share trades (linked codes, trailing-revenue multiplier, kickback, affiliate fee) into a fresh in-memory store.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class IngestBenchmarks
{
    private const int EventCount = 10_000;
    private const int CodeCount = 100;
    private const int UserCount = 1_000;

    private ProgramEngine engine = null!;
    private ProgramEvent[] events = null!;

    [IterationSetup]
    public void Setup()
    {
        var clock = new FixedClock(Instant.FromUtc(2026, 11, 1, 0, 0));
        engine = new ProgramEngine(new InMemoryAffiliateStore(), clock, new AcceptingVerifier(), Options.Create(new AffiliatesOptions()));
        ProgramTerms terms = ProgramTermsDefaults.FeeShare(Asset.Usd) with
        {
            DefaultReferralFee = Rate.FromPercent(5),
            MultiplierLadder = [new(Amount.Zero, Multiplier.One), new(Amount.FromUnits(100_000), Multiplier.Parse("1.25")), new(Amount.FromUnits(500_000), Multiplier.Parse("1.5"))],
            KickbackRange = new RateRange(Rate.Zero, Rate.FromPercent(50)),
            AffiliateFeeRange = new RateRange(Rate.Zero, Rate.FromPercent(3)),
        };
        Wait(engine.CreateRegistryAsync(new NewRegistry("bench", "Bench", "admin", terms)));
        for (int c = 0; c < CodeCount; c++)
        {
            var create = new CreateCode($"CODE{c:D3}", "", $"pay-{c}", Rate.FromPercent(20), Rate.FromBasisPoints(25));
            Wait(engine.ApplyAsync(new SignedRequest("bench", $"owner-{c}", create, "n", clock.Now + Duration.FromMinutes(5), "sig")));
        }

        for (int u = 0; u < UserCount; u++)
        {
            Wait(engine.ConvertAsync(new ConversionRequest("bench", $"user-{u}", Code: $"CODE{u % CodeCount:D3}")));
        }

        var random = new Random(42);
        events = [.. Enumerable.Range(0, EventCount).Select(i => new ProgramEvent(
            "bench",
            $"t{i:D6}",
            EventKind.Trade,
            clock.Now + Duration.FromSeconds(i * 60),
            $"user-{random.Next(UserCount)}",
            Amount.FromUnits(random.Next(1, 10_000)),
            Amount.FromUnits(random.Next(0, 1_000_000)), Asset.Usd,
            "RUNE/USDC"))];
    }

    [Benchmark(OperationsPerInvoke = EventCount)]
    public int IngestTrades() => engine.IngestAsync(events).AsTask().GetAwaiter().GetResult().Count;

    private static void Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();
}
