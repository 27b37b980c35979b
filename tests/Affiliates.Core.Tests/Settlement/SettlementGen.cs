using Affiliates.Programs;
using Affiliates.Settlement;
using Affiliates.Tiers;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Affiliates.Tests.Settlement;

/// <summary>Generators of settlement inputs for the property tests.</summary>
internal static class SettlementGen
{
    private static readonly string[] Partners = Enumerable.Range(0, 12).Select(i => $"p{i:D2}").ToArray();

    /// <summary>Lamport amounts around the 50 SOL tier threshold, mostly positive, some clawbacks, a few wide values.</summary>
    public static Gen<Amount> Amounts { get; } = Gen.Frequency(
        (6, Gen.Choose(0, 30_000).Select(x => Amount.FromUnits(x * 1_000_000L))),
        (2, Gen.Choose(-20_000, 0).Select(x => Amount.FromUnits(x * 1_000_000L))),
        (2, Gen.Choose(-1000, 1000).Select(x => Amount.FromUnits(x))),
        (1, Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => Amount.FromUnits(((Int128)t.Item1 << 40) + t.Item2))));

    public static Gen<SettlementTerms> Terms { get; } =
        from kind in Gen.Elements(0, 1, 2)
        from minimum in Gen.Elements(0L, 1L, 100_000_000L, 1_000_000_000L, 5_000_000_000L)
        from idle in Gen.Elements<int?>(null, 1, 2, 3)
        select kind switch
        {
            0 => new SettlementTerms(ProgramKind.RevenueShare, Asset.Sol, Amount.FromUnits(minimum), new DustRule(idle), TierPresets.SubscriptionRevenueShare),
            1 => new SettlementTerms(ProgramKind.RevenueShare, Asset.Sol, Amount.FromUnits(minimum), new DustRule(idle), TierPresets.CommunityReseller, TierMetric.EpochReferrals),
            _ => new SettlementTerms(ProgramKind.FeeShare, Asset.Sol, Amount.FromUnits(minimum), new DustRule(idle)),
        };

    public static Gen<SettlementLine[]> LinesIn(Epoch epoch) =>
        Gen.Choose(0, 40).SelectMany(count => LineIn(epoch).ArrayOf(count))
            .Select(lines => lines.Select((line, i) => line with { Sequence = i }).ToArray());

    public static Gen<SettlementCase> Cases(Epoch epoch) =>
        from terms in Terms
        from lines in LinesIn(epoch)
        from states in StateFor(terms).ArrayOf(Partners.Length)
        from referrals in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(0, 60))).ArrayOf(Partners.Length)
        from closing in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true))).ArrayOf(Partners.Length)
        from seed in Gen.Choose(0, int.MaxValue)
        select new SettlementCase(
            terms,
            lines,
            Partners.Zip(states).Where(p => p.Second is not null).ToDictionary(p => p.First, p => p.Second!, StringComparer.Ordinal),
            Partners.Zip(referrals).Where(p => p.Second > 0).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal),
            Partners.Zip(closing).Where(p => p.Second).Select(p => p.First).ToHashSet(StringComparer.Ordinal),
            seed);

    public static Arbitrary<SettlementCase> Arbitrary(Epoch epoch) => Arb.From(Cases(epoch), Shrink);

    public static IEnumerable<SettlementCase> Shrink(SettlementCase c)
    {
        if (c.States.Count > 0 || c.Referrals.Count > 0 || c.Closing.Count > 0)
        {
            yield return c with { States = [], Referrals = [], Closing = [] };
        }

        if (c.Lines.Length > 1)
        {
            yield return c with { Lines = c.Lines[..(c.Lines.Length / 2)] };
        }

        for (int i = 0; i < c.Lines.Length; i++)
        {
            yield return c with { Lines = [.. c.Lines[..i], .. c.Lines[(i + 1)..]] };
        }
    }

    /// <summary>Returns <paramref name="items"/> in an order decided by <paramref name="seed"/>.</summary>
    public static T[] Shuffled<T>(IEnumerable<T> items, int seed)
    {
        T[] copy = [.. items];
        new Random(seed).Shuffle(copy);
        return copy;
    }

    private static Gen<SettlementLine> LineIn(Epoch epoch) =>
        from partner in Gen.Elements(Partners)
        from eventId in Gen.Choose(0, 9)
        from hour in Gen.Choose(0, (7 * 24) - 1)
        from tick in Gen.Elements(0L, 0L, 1L, 59L * NodaConstants.TicksPerMinute)
        from amount in Amounts
        select new SettlementLine(
            SettlementFixture.RegistryId,
            $"e{eventId}",
            0,
            epoch.Start + Duration.FromHours(hour) + Duration.FromTicks(tick),
            partner,
            "CODE" + partner,
            Asset.Sol,
            amount);

    /// <summary>The lowest tier metric that reaches <paramref name="tier"/>, as a statement holding it would record.</summary>
    private static Int128 MetricOf(SettlementTerms terms, string tier) =>
        terms.Tiers?.Ladder.Steps.FirstOrDefault(s => s.Value.Name == tier) is { Value: not null } step ? step.Threshold : 0;

    private static Gen<PartnerState?> StateFor(SettlementTerms terms)
    {
        string[] tiers = terms.Tiers is null ? [string.Empty] : [string.Empty, .. terms.Tiers.Ladder.Steps.Select(s => s.Value.Name)];
        Gen<PartnerState?> state =
            from carry in Gen.Frequency(
                (3, Gen.Constant(Amount.Zero)),
                (3, Gen.Choose(0, 6_000).Select(x => Amount.FromUnits(x * 1_000_000L))),
                (1, Gen.Choose(-6_000, 0).Select(x => Amount.FromUnits(x * 1_000_000L))))
            from tier in Gen.Elements(tiers)
            from lifetime in Gen.Choose(0, 80_000).Select(x => Amount.FromUnits(x * 1_000_000L))
            from idle in Gen.Choose(0, 3)
            select (PartnerState?)new PartnerState(carry, tier, lifetime, idle, MetricOf(terms, tier));
        return Gen.Frequency((1, Gen.Constant<PartnerState?>(null)), (2, state));
    }
}
