using Affiliates.Programs;
using Affiliates.Settlement;
using Affiliates.Tiers;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace Affiliates.Benchmarks;

/// <summary>Settles one weekly epoch of 1 000 000 revenue lines over 10 000 partners, in memory.</summary>
/// <remarks>
/// The lines are created in ledger order, as a store's ledger read creates them, so the ledger-order case also has them
/// in memory order; the shuffled case is the same objects in random order.
/// </remarks>
[MemoryDiagnoser]
[ShortRunJob]
public class SettlementBenchmarks
{
    private const int LineCount = 1_000_000;
    private const int PartnerCount = 10_000;

    private SettlementRequest inLedgerOrder = null!;
    private SettlementRequest shuffled = null!;

    [GlobalSetup]
    public void Setup()
    {
        Epoch epoch = EpochCalendar.Weekly().EpochContaining(Instant.FromUtc(2026, 11, 22, 0, 0));
        var random = new Random(42);
        string[] partners = Enumerable.Range(0, PartnerCount).Select(i => $"partner-{i:D5}").ToArray();
        string[] codes = partners.Select(p => p.ToUpperInvariant()).ToArray();
        var lines = new SettlementLine[LineCount];
        long weekTicks = Duration.FromDays(7).BclCompatibleTicks;
        long[] ticks = [.. Enumerable.Range(0, LineCount).Select(_ => random.NextInt64(weekTicks)).Order()];
        for (int i = 0; i < LineCount; i++)
        {
            int partner = random.Next(PartnerCount);
            long amount = random.Next(10) == 0 ? -random.Next(1, 100_000_000) : random.Next(1, 1_000_000_000);
            lines[i] = new SettlementLine(
                "bench",
                $"evt-{i:D7}",
                0,
                epoch.Start + Duration.FromTicks(ticks[i]),
                partners[partner],
                codes[partner],
                Asset.Sol,
                Amount.FromUnits(amount));
        }

        var terms = new SettlementTerms(ProgramKind.RevenueShare, Asset.Sol, Asset.Sol.Parse("0.1"), new DustRule(52), TierPresets.SubscriptionRevenueShare);
        Dictionary<PayeeKey, PartnerState> states = partners.Where((_, i) => i % 2 == 0)
            .ToDictionary(PayeeKey.Partner, p => new PartnerState(Amount.FromUnits(random.Next(-1000, 1000)), "Tier 1", Asset.Sol.Whole(random.Next(0, 60)), 0));
        inLedgerOrder = new SettlementRequest("bench", epoch, terms, lines, epoch.End) { PreviousStates = states };
        shuffled = inLedgerOrder with { Lines = [.. lines.OrderBy(_ => random.Next())] };
    }

    [Benchmark(Baseline = true)]
    public EpochSettlement SettleLedgerOrder() => EpochSettler.Settle(inLedgerOrder);

    [Benchmark]
    public EpochSettlement SettleShuffled() => EpochSettler.Settle(shuffled);
}
