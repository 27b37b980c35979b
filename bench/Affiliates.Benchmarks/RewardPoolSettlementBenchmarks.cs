using Affiliates.Pools;
using Affiliates.Rewards;
using BenchmarkDotNet.Attributes;

namespace Affiliates.Benchmarks;

/// <summary>
/// Settles one epoch of a CoW-style pool over 1 000 000 participants (1 000 000 trades, one trader per affiliate):
/// scoring, sizing, capped distribution and crediting 1 000 000 in-memory reward accounts.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RewardPoolSettlementBenchmarks
{
    private const int Participants = 1_000_000;
    private readonly RewardPoolTerms terms = new(new TokenList(["usdc", "dai", "weth", "wbtc"], ["usdc", "dai"]), PoolSizing.CowAffiliate);
    private ReferredTrade[] trades = [];
    private RewardPoolProgram program = null!;

    [GlobalSetup]
    public void Setup() => trades = RewardScoringBenchmarks.Generate(Participants, Participants, tradersPerAffiliate: 1, allReferred: true);

    [IterationSetup]
    public void NewProgram() =>
        program = new RewardPoolProgram("dao", Asset.Cow, new EpochSchedule<RewardPoolTerms>(terms), new RewardAccounts(new InMemoryRewardLedger()));

    [Benchmark]
    public PoolEpochResult SettleEpoch() => program.SettleEpoch(trades);
}
