using Affiliates.Fees;
using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using NodaTime;

namespace Affiliates.Tests.Programs;

public sealed class RujiraProgramTests
{
    private const string Alice = "alice-wallet";
    private const string Bob = "bob-wallet";
    private const string User = "user-wallet";

    [Fact]
    public async Task Trade_WithMultiplierFromTheDaysBefore_SplitsTheWorkedExample()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "AB123", kickback: Rate.FromPercent(20));
        Assert.Equal(BindOutcome.Bound, (await f.BindAsync(User, "ab123")).Outcome);

        IngestResult warmUp = await f.IngestAsync(f.Trade("t1", User, fee: 600));
        f.Clock.Advance(Duration.FromDays(1));
        IngestResult example = await f.IngestAsync(f.Trade("t2", User, fee: 1_000));
        SettlementResult week = await f.SettleThroughAsync(f.Clock.Now);

        Assert.Equal((FeeOutcome.Applied, FeeOutcome.Applied), (warmUp.Outcome, example.Outcome));
        StatementLine[] alice = [.. week.Settlement!.StatementOf(Alice)!.Lines];
        StatementLine[] user = [.. week.Settlement.StatementOf(PayeeKey.User(User))!.Lines];
        Assert.Equal([(Multiplier.One, 24L), (Multiplier.Parse("1.5"), 60L)], alice.Select(l => (l.Multiplier, (long)l.Amount.Units)));
        Assert.Equal([6L, 15L], user.Select(l => (long)l.Amount.Units));
        Assert.Equal(Amount.FromUnits(1_600 - 24 - 6 - 60 - 15), week.Settlement.Protocol);
        Assert.Equal(Amount.FromUnits(925), alice[1].Revenue - alice[1].Amount - user[1].Amount);
    }

    [Fact]
    public async Task Multiplier_CountsADaysRevenueOnTheThirtyDaysAfterIt_NotOnTheThirtyFirst()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "AB123", kickback: Rate.FromPercent(20));
        await f.BindAsync(User, "AB123");
        await f.IngestAsync(f.Trade("nov1", User, fee: 600));

        f.Clock.Now = Instant.FromUtc(2026, 12, 1, 23, 59, 59) + Duration.FromTicks(9_999_999);
        await f.IngestAsync(f.Trade("dec1", User, fee: 40));
        f.Clock.Now = Instant.FromUtc(2026, 12, 2, 0, 0);
        await f.IngestAsync(f.Trade("dec2", User, fee: 40));
        SettlementResult week = await f.SettleThroughAsync(f.Clock.Now);

        StatementLine[] lines = [.. week.Settlement!.StatementOf(Alice)!.Lines];
        Assert.Equal([("dec1", Multiplier.Parse("1.5"), 3L), ("dec2", Multiplier.One, 2L)], lines.Select(l => (l.EventId, l.Multiplier, (long)l.Amount.Units)));
    }

    [Fact]
    public async Task Trade_WithItsOwnCode_OverridesTheLinkedCodeForThatTradeOnly()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "AB123");
        await f.CreateCodeAsync(Bob, "BOB77");
        await f.BindAsync(User, "AB123");

        IngestResult passed = await f.IngestAsync(f.Trade("t1", User, fee: 1_000, code: "bob77"));
        IngestResult linked = await f.IngestAsync(f.Trade("t2", User, fee: 1_000));

        Assert.Equal((Bob, "BOB77"), (passed.Entries[0].Account, passed.Entries[0].Code));
        Assert.Equal((Alice, "AB123"), (linked.Entries[0].Account, linked.Entries[0].Code));
    }

    [Fact]
    public async Task Trade_WithNotional_ChargesThePartnersAffiliateFeeOnTop()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "AB123", kickback: Rate.FromPercent(20), affiliateFee: Rate.FromBasisPoints(25));
        await f.BindAsync(User, "AB123");

        IngestResult result = await f.IngestAsync(f.Trade("t1", User, fee: 1_000, notional: 100_000));

        Assert.Equal(AffiliateFeeStatus.Applied, result.AffiliateFee!.Value.Status);
        Assert.Equal(FeeChargePoint.Trade, result.AffiliateFee.Value.When);
        Assert.Equal(250, ProgramFixture.ByKind(result)[LedgerEntryKind.AffiliateFee]);
        Assert.Equal(1_000, result.Entries.Where(e => e.Kind != LedgerEntryKind.AffiliateFee).Sum(e => (long)e.Amount.Units));
    }

    [Fact]
    public async Task AffiliateFee_OutsideTheBindingsTermsRange_IsNotChargedAndSaysWhy()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "AB123", affiliateFee: Rate.FromPercent(3));
        await f.BindAsync(User, "AB123");
        ProgramTerms narrower = ProgramFixture.RujiraTerms with { AffiliateFeeRange = new RateRange(Rate.Zero, Rate.FromPercent(1)) };
        await f.ApplyAsync(ProgramFixture.Admin, new PublishTerms(narrower));

        IngestResult passed = await f.IngestAsync(f.Trade("t1", User, fee: 1_000, notional: 100_000, code: "AB123"));

        Assert.Equal(FeeOutcome.AffiliateFeeOutOfRange, passed.Outcome);
        Assert.Equal(AffiliateFeeStatus.RateAboveMaximum, passed.AffiliateFee!.Value.Status);
        Assert.DoesNotContain(passed.Entries, e => e.Kind == LedgerEntryKind.AffiliateFee);
        Assert.Equal(1_000, passed.Entries.Sum(e => (long)e.Amount.Units));
    }

    [Fact]
    public async Task VaultFees_SplitWithTheCodeLinkedAtDeposit_UntilADepositBringsAnotherValidCode()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "AB123");
        await f.CreateCodeAsync(Bob, "BOB77", affiliateFee: Rate.FromPercent(1));
        await f.BindAsync(User, "AB123");

        IngestResult deposit = await f.IngestAsync(Vault("d1", EventKind.VaultDeposit, 0, 10_000, "BOB77"));
        IngestResult collected = await f.IngestAsync(Vault("c1", EventKind.FeeCollection, 1_000));
        IngestResult badDeposit = await f.IngestAsync(Vault("d2", EventKind.VaultDeposit, 0, 0, "no way!"));
        IngestResult stillBob = await f.IngestAsync(Vault("c2", EventKind.FeeCollection, 1_000));
        await f.IngestAsync(Vault("d3", EventKind.VaultDeposit, 0, 0, "AB123"));
        IngestResult nowAlice = await f.IngestAsync(Vault("c3", EventKind.FeeCollection, 1_000));

        Assert.Equal(FeeChargePoint.Deposit, deposit.AffiliateFee!.Value.When);
        Assert.Equal(100, ProgramFixture.ByKind(deposit)[LedgerEntryKind.AffiliateFee]);
        Assert.Equal("BOB77", collected.Entries[0].Code);
        Assert.Equal(FeeOutcome.MalformedCode, badDeposit.Outcome);
        Assert.Equal("BOB77", stillBob.Entries[0].Code);
        Assert.Equal("AB123", nowAlice.Entries[0].Code);
        Assert.Equal("AB123", (await f.Store.GetBindingAsync(ProgramFixture.Registry, User, Binding.AccountScope))!.Code);

        ProgramEvent Vault(string id, EventKind kind, long amount, long notional = 0, string? code = null) =>
            new(ProgramFixture.Registry, id, kind, f.Clock.Now, User, Amount.FromUnits(amount), Amount.FromUnits(notional), Asset.Usd, Code: code, VaultId: "vault-1");
    }

    [Fact]
    public async Task TermsChanges_ApplyForwardOnly_ToBindingsMadeAfterThem()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync(ProgramFixture.RujiraTerms with { MultiplierLadder = [] });
        await f.CreateCodeAsync(Alice, "AB123");
        await f.BindAsync("early-user", "AB123");
        ChangeResult published = await f.ApplyAsync(ProgramFixture.Admin, new PublishTerms(ProgramFixture.RujiraTerms with { MultiplierLadder = [], DefaultReferralFee = Rate.FromPercent(10) }));
        BindResult late = await f.BindAsync("late-user", "AB123");

        IngestResult early = await f.IngestAsync(f.Trade("t1", "early-user", fee: 1_000));
        IngestResult later = await f.IngestAsync(f.Trade("t2", "late-user", fee: 1_000));
        SettlementResult week = await f.SettleThroughAsync(f.Clock.Now);

        Assert.True(published.IsApplied);
        Assert.Equal(2, late.Binding!.TermsVersion);
        Assert.Equal((1, 2), (early.Entries[0].TermsVersion, later.Entries[0].TermsVersion));
        Assert.Equal(new Dictionary<string, long> { ["t1"] = 50, ["t2"] = 100 }, ProgramFixture.LinesOf(week.Statements, PayeeKey.Partner(Alice)));
    }

    [Fact]
    public async Task ReferralFeeOverride_ByTheAdmin_ReplacesTheDefaultForThatPartner()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync(ProgramFixture.RujiraTerms with { MultiplierLadder = [] });
        await f.CreateCodeAsync(Alice, "AB123");
        await f.BindAsync(User, "AB123");

        ChangeResult set = await f.ApplyAsync(ProgramFixture.Admin, new SetReferralFeeOverride("AB123", Rate.FromPercent(8)));
        await f.IngestAsync(f.Trade("t1", User, fee: 1_000));
        SettlementResult week = await f.SettleThroughAsync(f.Clock.Now);

        Assert.True(set.IsApplied);
        Assert.Equal(new Dictionary<string, long> { ["t1"] = 80 }, ProgramFixture.LinesOf(week.Statements, PayeeKey.Partner(Alice)));
    }

    [Fact]
    public async Task Refund_ReversesTheCommissionAndKickback_NotTheAffiliateFeeChargedOnTheNotional()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "AB123", kickback: Rate.FromPercent(20), affiliateFee: Rate.FromBasisPoints(30));
        await f.BindAsync(User, "AB123");
        IngestResult trade = await f.IngestAsync(f.Trade("t1", User, fee: 999, notional: 12_345));

        IngestResult refund = await f.IngestAsync(new ProgramEvent(ProgramFixture.Registry, "r1", EventKind.Refund, f.Clock.Now, User, Amount.FromUnits(999), Amount.Zero, Asset.Usd, RefundOf: "t1"));
        SettlementResult week = await f.SettleThroughAsync(f.Clock.Now);

        Assert.Equal(FeeOutcome.Clawback, refund.Outcome);
        LedgerEntry reversal = Assert.Single(refund.Entries);
        Assert.Equal((trade.Entries[0].Kind, trade.Entries[0].Account, -trade.Entries[0].Amount, "t1"), (reversal.Kind, reversal.Account, reversal.Amount, reversal.RefundOf));
        EpochStatement alice = week.Settlement!.StatementOf(Alice)!;
        Assert.Equal((Amount.Zero, Amount.FromUnits(37), Amount.FromUnits(37)), (alice.Commission, alice.AffiliateFees, alice.Earned));
        Assert.Equal(Amount.Zero, week.Settlement.StatementOf(PayeeKey.User(User))!.Earned);
        IReadOnlyList<CodeTotals> totals = await f.Program.GetTotalsAsync(ProgramFixture.Registry, f.Clock.Now - Duration.FromDays(7), f.Clock.Now);
        Assert.Equal(new CodeTotals("AB123", 1, Amount.Zero, Amount.FromUnits(37), 2), Assert.Single(totals));
    }

    [Fact]
    public async Task SameEventStream_IngestedTwice_GivesTheSameLedger()
    {
        ProgramFixture once = await Scenario();
        ProgramFixture twice = await Scenario();
        IReadOnlyList<IngestResult> replay = await twice.Program.IngestAsync(Stream(twice));

        Assert.All(replay, r => Assert.Equal(IngestStatus.Duplicate, r.Status));
        Assert.Equal(await Ledger(once), await Ledger(twice));

        async Task<ProgramFixture> Scenario()
        {
            ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
            await f.CreateCodeAsync(Alice, "AB123", kickback: Rate.FromPercent(10), affiliateFee: Rate.FromBasisPoints(10));
            await f.CreateCodeAsync(Bob, "BOB77");
            await f.BindAsync(User, "AB123");
            IReadOnlyList<IngestResult> results = await f.Program.IngestAsync(Stream(f));
            Assert.All(results, r => Assert.Equal(IngestStatus.Recorded, r.Status));
            return f;
        }

        static ProgramEvent[] Stream(ProgramFixture f) =>
        [
            .. Enumerable.Range(0, 40).Select(i => new ProgramEvent(
                ProgramFixture.Registry,
                "t" + i,
                EventKind.Trade,
                f.Clock.Now + Duration.FromHours(i * 7),
                i % 5 == 0 ? "stranger" : User,
                Amount.FromUnits(37 * i * i),
                Amount.FromUnits(1_000 * i), Asset.Usd,
                Code: i % 3 == 0 ? "BOB77" : null)),
            new ProgramEvent(ProgramFixture.Registry, "r7", EventKind.Refund, f.Clock.Now + Duration.FromDays(20), User, Amount.FromUnits(37 * 49), Amount.Zero, Asset.Usd, RefundOf: "t7"),
        ];

        static async Task<List<LedgerEntry>> Ledger(ProgramFixture f)
        {
            var entries = new List<LedgerEntry>();
            await foreach (LedgerEntry entry in f.Store.ReadLedgerAsync(ProgramFixture.Registry, Instant.MinValue, Instant.MaxValue))
            {
                entries.Add(entry);
            }

            return entries;
        }
    }
}
