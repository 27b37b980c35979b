using Affiliates.Ledger;
using Affiliates.Programs;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Affiliates.Tests.Programs;

public sealed class LedgerProperties
{
    private static readonly string[] CodeChoices = ["CODE0", "CODE1", "CODE2", "NOPE1", "bad code!"];

    private static readonly Gen<Int128> Amounts = Gen.Frequency(
        (4, Gen.Choose(0, 10_000).Select(a => (Int128)a)),
        (3, Gen.Choose(0, int.MaxValue).Select(a => (Int128)a * 1_000)),
        (1, Gen.Choose(0, 999_999).Zip(Gen.Choose(0, int.MaxValue)).Select(p => ((Int128)p.Item1 * 1_000_000_000_000_000_000 * 1_000_000) + p.Item2)));

    private static readonly Gen<Rate> Rates = Gen.Frequency(
        (3, Gen.Elements(0, 50_000, 200_000, 500_000, 1_000_000)),
        (2, Gen.Choose(0, 1_000_000))).Select(Rate.FromPartsPerMillion);

    private static readonly Gen<EventSpec> Events =
        from kind in Gen.Frequency((5, Gen.Constant(EventKind.Trade)), (2, Gen.Constant(EventKind.FeeCollection)), (2, Gen.Constant(EventKind.VaultDeposit)), (1, Gen.Constant(EventKind.SubscriptionPayment)), (2, Gen.Constant(EventKind.Refund)))
        from user in Gen.Choose(0, 3)
        from amount in Amounts
        from notional in Amounts
        from code in Gen.Choose(-3, CodeChoices.Length - 1)
        from hours in Gen.Choose(0, 24 * 60)
        from target in Gen.Choose(0, 1_000)
        select new EventSpec(kind, user, amount, notional, code, hours, target);

    private static readonly Gen<Scenario> Scenarios =
        from referralFee in Rates
        from ladderSize in Gen.Choose(0, 4)
        from gaps in Gen.Choose(1, 5_000).ArrayOf(ladderSize)
        from multipliers in Gen.Choose(0, 5_000_000).ArrayOf(ladderSize)
        from kickbackMax in Rates
        from affiliateFeeMax in Gen.Choose(0, 100_000).Select(Rate.FromPartsPerMillion)
        from kickbacks in Rates.ArrayOf(3)
        from affiliateFees in Gen.Choose(0, 150_000).Select(Rate.FromPartsPerMillion).ArrayOf(3)
        from bindings in Gen.Choose(-1, 2).ArrayOf(4)
        from excludeUser3 in Gen.Elements(true, false)
        from events in Gen.Choose(1, 40).SelectMany(n => Events.ArrayOf(n))
        select new Scenario(referralFee, Ladder(gaps, multipliers), kickbackMax, affiliateFeeMax, kickbacks, affiliateFees, bindings, excludeUser3, events);

    private static readonly Arbitrary<Scenario> ScenarioArb = Arb.From(
        Scenarios,
        s => Enumerable.Range(0, s.Events.Length).Where(_ => s.Events.Length > 1).Select(i => s with { Events = [.. s.Events.Where((_, j) => j != i)] }));

    [Fact]
    public void EveryFeeShareEvent_BooksExactly_AndRefundsNetToZero()
    {
        Prop.ForAll(ScenarioArb, scenario => Check(scenario)).Check(Config.QuickThrowOnFailure.WithMaxTest(1_000));
    }

    [Fact]
    public async Task SingleTrades_SplitExactlyForEveryCodeSetting()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync(ProgramFixture.RujiraTerms with { KickbackRange = new RateRange(Rate.Zero, Rate.Full) });
        Arbitrary<TradeCase> cases = Arb.From(
            from fee in Amounts
            from notional in Amounts
            from kickback in Rates
            from affiliateFee in Gen.Choose(0, 30_000).Select(Rate.FromPartsPerMillion)
            select new TradeCase(fee, notional, kickback, affiliateFee));
        int next = 0;
        Prop.ForAll(cases, c => CheckTrade(f, c, $"PROP{++next}")).Check(Config.QuickThrowOnFailure.WithMaxTest(10_000));
    }

    private static void CheckTrade(ProgramFixture f, TradeCase c, string code)
    {
        f.CreateCodeAsync("owner-" + code, code, c.Kickback, c.AffiliateFee).GetAwaiter().GetResult();
        IngestResult result = f.IngestAsync(f.Trade("t-" + code, "user", 0, code: code) with { Amount = Amount.FromUnits(c.Fee), Notional = Amount.FromUnits(c.Notional) }).GetAwaiter().GetResult();
        Assert.Equal(IngestStatus.Recorded, result.Status);
        AssertExactSplit(result, Amount.FromUnits(c.Fee));
    }

    private static void Check(Scenario s)
    {
        ProgramFixture f = SetUp(s);
        Instant start = f.Clock.Now;
        var recorded = new Dictionary<string, (ProgramEvent Event, IngestResult Result)>(StringComparer.Ordinal);
        var stream = new List<ProgramEvent>();
        var refunded = new HashSet<string>(StringComparer.Ordinal);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < s.Events.Length; i++)
        {
            EventSpec spec = s.Events[i];
            string user = "user-" + spec.User;
            Instant at = start + Duration.FromHours(spec.Hours);
            ProgramEvent e = spec.Kind == EventKind.Refund && stream.Count > 0
                ? Refund(stream[spec.Target % stream.Count])
                : new ProgramEvent(ProgramFixture.Registry, "e" + i, spec.Kind == EventKind.Refund ? EventKind.Trade : spec.Kind, at, user, Amount.FromUnits(spec.Amount), Amount.FromUnits(spec.Notional), Asset.Usd, Code: spec.Code >= 0 ? CodeChoices[spec.Code] : null, VaultId: "vault-" + (spec.User % 2));
            stream.Add(e);

            ProgramEvent Refund(ProgramEvent of) => new(ProgramFixture.Registry, "e" + i, EventKind.Refund, at, of.UserAddress, of.Amount, Amount.Zero, Asset.Usd, RefundOf: of.Id);
        }

        IReadOnlyList<IngestResult> results = f.Program.IngestAsync([.. stream.Take(stream.Count / 2)]).AsTask().GetAwaiter().GetResult()
            .Concat(f.Program.IngestAsync([.. stream.Skip(stream.Count / 2)]).AsTask().GetAwaiter().GetResult()).ToList();

        for (int i = 0; i < stream.Count; i++)
        {
            ProgramEvent e = stream[i];
            IngestResult result = results[i];
            if (e.Kind != EventKind.Refund)
            {
                Assert.Equal(IngestStatus.Recorded, result.Status);
                AssertExactSplit(result, e.Amount);
            }
            else if (result.Status == IngestStatus.Recorded)
            {
                Assert.True(refunded.Add(e.RefundOf!));
                LedgerEntry[] original = [.. recorded[e.RefundOf!].Result.Entries.Where(x => x.Kind != LedgerEntryKind.AffiliateFee)];
                Assert.Equal(original.Select(x => (x.Kind, x.Account, x.Code, -x.Amount, (string?)x.EventId)), result.Entries.Select(x => (x.Kind, x.Account, x.Code, x.Amount, x.RefundOf)));
                Assert.Equal(Amount.Zero, Sum(original.Concat(result.Entries)));
            }
            else
            {
                bool refundable = recorded.TryGetValue(e.RefundOf!, out var target) && target.Event.Kind != EventKind.Refund;
                IngestStatus expected = e.Amount.IsZero ? IngestStatus.NegativeAmount
                    : !stored.Contains(e.RefundOf!) ? IngestStatus.Held
                    : refundable ? IngestStatus.RefundExceedsPayment : IngestStatus.NotRefundable;
                Assert.Equal(expected, result.Status);
                Assert.Equal(refundable && !e.Amount.IsZero, refunded.Contains(e.RefundOf!));
            }

            if (result.Status == IngestStatus.Recorded)
            {
                recorded[e.Id] = (e, result);
            }

            if (result.Status is IngestStatus.Recorded or IngestStatus.Held)
            {
                stored.Add(e.Id);
            }
        }
    }

    private static void AssertExactSplit(IngestResult result, Amount amount)
    {
        Assert.Equal(amount, Sum(result.Entries.Where(x => x.Kind != LedgerEntryKind.AffiliateFee)));
        Assert.All(result.Entries, x => Assert.False(x.Amount.IsNegative, $"{x.Kind} entry {x.Amount} is negative"));
        Amount charged = Sum(result.Entries.Where(x => x.Kind == LedgerEntryKind.AffiliateFee));
        Assert.Equal(result.AffiliateFee?.Fee ?? Amount.Zero, charged);
    }

    private static ProgramFixture SetUp(Scenario s)
    {
        ProgramTerms terms = ProgramFixture.RujiraTerms with
        {
            DefaultReferralFee = s.ReferralFee,
            MultiplierLadder = s.Ladder,
            KickbackRange = new RateRange(Rate.Zero, s.KickbackMax),
            AffiliateFeeRange = new RateRange(Rate.Zero, s.AffiliateFeeMax),
            AllowSelfReferral = true,
        };
        ProgramFixture f = new ProgramFixture().WithRegistryAsync(terms).GetAwaiter().GetResult();
        for (int c = 0; c < 3; c++)
        {
            ChangeResult created = f.ApplyAsync("owner-" + c, new CreateCode("CODE" + c, "", "pay-" + c, Rate.Zero, Rate.Zero)).GetAwaiter().GetResult();
            Assert.True(created.IsApplied);
            f.ApplyAsync(ProgramFixture.Admin, new SetReferralFeeOverride("CODE" + c, c == 2 ? Rate.FromPercent(40) : null)).GetAwaiter().GetResult();
        }

        for (int u = 0; u < 4; u++)
        {
            if (s.Bindings[u] >= 0)
            {
                f.BindAsync("user-" + u, "CODE" + s.Bindings[u]).GetAwaiter().GetResult();
            }
        }

        // Partner settings are changed after binding under the admin's widest range, so some fall outside the terms.
        f.ApplyAsync(ProgramFixture.Admin, new PublishTerms(terms with { KickbackRange = new RateRange(Rate.Zero, Rate.Full), AffiliateFeeRange = new RateRange(Rate.Zero, Rate.Full) })).GetAwaiter().GetResult();
        for (int c = 0; c < 3; c++)
        {
            Assert.True(f.ApplyAsync("owner-" + c, new SetKickback("CODE" + c, s.Kickbacks[c])).GetAwaiter().GetResult().IsApplied);
            Assert.True(f.ApplyAsync("owner-" + c, new SetAffiliateFee("CODE" + c, s.AffiliateFees[c])).GetAwaiter().GetResult().IsApplied);
        }

        if (s.ExcludeUser3)
        {
            f.ApplyAsync(ProgramFixture.Admin, new SetExclusion("user-3", true)).GetAwaiter().GetResult();
        }

        return f;
    }

    private static Amount Sum(IEnumerable<LedgerEntry> entries) => entries.Aggregate(Amount.Zero, (sum, x) => sum + x.Amount);

    private static MultiplierStep[] Ladder(int[] gaps, int[] multipliers)
    {
        var steps = new MultiplierStep[gaps.Length];
        long threshold = 0;
        for (int i = 0; i < gaps.Length; i++)
        {
            steps[i] = new MultiplierStep(Amount.FromUnits(threshold), Multiplier.FromMillionths(multipliers[i]));
            threshold += gaps[i];
        }

        return steps;
    }

    private sealed record TradeCase(Int128 Fee, Int128 Notional, Rate Kickback, Rate AffiliateFee);

    private sealed record EventSpec(EventKind Kind, int User, Int128 Amount, Int128 Notional, int Code, int Hours, int Target);

    private sealed record Scenario(
        Rate ReferralFee,
        MultiplierStep[] Ladder,
        Rate KickbackMax,
        Rate AffiliateFeeMax,
        Rate[] Kickbacks,
        Rate[] AffiliateFees,
        int[] Bindings,
        bool ExcludeUser3,
        EventSpec[] Events);
}
