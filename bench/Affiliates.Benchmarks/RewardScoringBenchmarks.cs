using Affiliates.Rewards;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace Affiliates.Benchmarks;

/// <summary>
/// Scores 10 000 000 referred trades (already in (time, id) order, as a ledger returns them) from 2 000 000 traders
/// attributed to 1 000 000 affiliates; 10 % stable-to-stable, 5 % with an unlisted token, 10 % of traders not referred first.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RewardScoringBenchmarks
{
    private const int Trades = 10_000_000;
    private const int Traders = 2_000_000;
    private readonly TokenList tokens = new(["usdc", "dai", "weth", "wbtc"], ["usdc", "dai"]);
    private ReferredTrade[] trades = [];

    [GlobalSetup]
    public void Setup() => trades = Generate(Trades, Traders, tradersPerAffiliate: 2, allReferred: false);

    [Benchmark]
    public ScoringResult Score() => AffiliateScoring.Score(trades, tokens, ScoringRules.Default);

    internal static ReferredTrade[] Generate(int count, int traders, int tradersPerAffiliate, bool allReferred)
    {
        var random = new Random(7);
        string[] addresses = [.. Enumerable.Range(0, traders).Select(i => $"0x{i:x40}")];
        string[] affiliates = [.. Enumerable.Range(0, (traders / tradersPerAffiliate) + 1).Select(i => $"affiliate{i}")];
        Instant start = Instant.FromUtc(2026, 1, 1, 0, 0);
        var result = new ReferredTrade[count];
        for (int k = 0; k < count; k++)
        {
            int trader = k % traders;
            string? referrer = !allReferred && k < traders && trader % 10 == 9 ? null : affiliates[trader / tradersPerAffiliate];
            int kind = random.Next(20);
            (string sell, string buy) = kind switch
            {
                < 2 => ("usdc", "dai"),
                2 => ("pepe", "weth"),
                _ => ("weth", "usdc"),
            };
            result[k] = new ReferredTrade(
                $"trade{k:D8}", addresses[trader], referrer, start + Duration.FromMilliseconds(k * 250L), sell, buy, Amount.FromUnits(random.NextInt64(1, 100_000_000_000)));
        }

        return result;
    }
}
