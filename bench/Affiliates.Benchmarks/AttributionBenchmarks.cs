using Affiliates.Hosting;
using Affiliates.Programs;
using Affiliates.Storage;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Affiliates.Benchmarks;

/// <summary>
/// Attribution on the in-memory store with 1 000 codes and 100 000 referred users: the binding lookup every ingested
/// event makes, and a click that issues an attribution token.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class AttributionBenchmarks
{
    private const int CodeCount = 1_000;
    private const int UserCount = 100_000;
    private const int Lookups = 10_000;

    private InMemoryAffiliateStore store = null!;
    private ProgramEngine engine = null!;
    private string[] users = [];
    private string[] codes = [];

    [GlobalSetup]
    public void Setup()
    {
        var clock = new FixedClock(Instant.FromUtc(2026, 11, 1, 0, 0));
        store = new InMemoryAffiliateStore();
        engine = new ProgramEngine(store, clock, new AcceptingVerifier(), Options.Create(new AffiliatesOptions()));
        Wait(engine.CreateRegistryAsync(new NewRegistry("bench", "Bench", "admin", ProgramTermsDefaults.RevenueShare(Asset.Sol, Rate.FromPercent(20)))));
        codes = [.. Enumerable.Range(0, CodeCount).Select(c => $"CODE{c:D4}")];
        foreach (string code in codes)
        {
            var create = new CreateCode(code, "", "pay-" + code, Rate.Zero, Rate.Zero);
            Wait(engine.ApplyAsync(new SignedRequest("bench", "owner-" + code, create, "n", clock.Now + Duration.FromMinutes(5), "sig")));
        }

        for (int u = 0; u < UserCount; u++)
        {
            Wait(engine.ConvertAsync(new ConversionRequest("bench", $"user-{u}", Code: codes[u % CodeCount])));
        }

        var random = new Random(42);
        users = [.. Enumerable.Range(0, Lookups).Select(_ => $"user-{random.Next(UserCount)}")];
    }

    /// <summary>Which code referred this user: one binding read per ingested event.</summary>
    [Benchmark(OperationsPerInvoke = Lookups)]
    public int LookupBinding()
    {
        int found = 0;
        foreach (string user in users)
        {
            found += store.GetBindingAsync("bench", user, Binding.AccountScope).AsTask().GetAwaiter().GetResult() is null ? 0 : 1;
        }

        return found;
    }

    /// <summary>A click on a referral link: code resolution and a new attribution token.</summary>
    [Benchmark(OperationsPerInvoke = Lookups)]
    public int RecordClick()
    {
        int issued = 0;
        for (int i = 0; i < Lookups; i++)
        {
            issued += engine.RecordClickAsync(new ClickRequest("bench", codes[i % CodeCount], "203.0.113.7", "bench")).AsTask().GetAwaiter().GetResult().Token is null ? 0 : 1;
        }

        return issued;
    }

    private static void Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();
}
