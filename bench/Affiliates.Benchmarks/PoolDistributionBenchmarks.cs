using Affiliates.Pools;
using BenchmarkDotNet.Attributes;

namespace Affiliates.Benchmarks;

/// <summary>Distributes a 550 000 COW pool (wei) over 1 000 000 participants with random USD micro-unit scores, cap 20 %.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PoolDistributionBenchmarks
{
    private const int Participants = 1_000_000;
    private readonly Amount pool = Asset.Cow.Whole(550_000);
    private readonly Rate cap = Rate.FromPercent(20);
    private readonly PoolShare[] shares = new PoolShare[Participants];
    private Int128[] scores = [];

    /// <summary>Gets or sets a value indicating whether a few whales hold most of the score, so caps bind and the sort path runs.</summary>
    [Params(false, true)]
    public bool CappedWhales { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        scores = new Int128[Participants];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = random.NextInt64(0, 1_000_000_000_000);
        }

        if (CappedWhales)
        {
            for (int i = 0; i < 4; i++)
            {
                scores[i * 250_000] = (Int128)1_000_000_000_000_000_000 * (i + 1);
            }
        }
    }

    [Benchmark(Baseline = true)]
    public PoolDistribution Distribute() => PoolDistributor.Distribute(pool, scores, cap);

    [Benchmark]
    public PoolTotals DistributeIntoSpan() => PoolDistributor.Distribute(pool, scores, cap, shares);
}
