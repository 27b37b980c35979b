using Affiliates.Fees;
using Affiliates.Ledger;
using Affiliates.Programs;
using NodaTime;

namespace Affiliates.Tests.Programs;

public sealed class RujiraProgramTests
{
    private const string Alice = "alice-wallet";
    private const string Bob = "bob-wallet";
    private const string User = "user-wallet";

    [Fact]
    public async Task Trade_WithMultiplierFromTrailingRevenue_SplitsTheWorkedExample()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "AB123", kickback: Rate.FromPercent(20));
        Assert.Equal(BindOutcome.Bound, (await f.BindAsync(User, "ab123")).Outcome);

        IngestResult warmUp = await f.IngestAsync(f.Trade("t1", User, fee: 600));
        f.Clock.Advance(Duration.FromHours(1));
        IngestResult example = await f.IngestAsync(f.Trade("t2", User, fee: 1_000));

        Assert.Equal(Multiplier.One, warmUp.Multiplier);
        Assert.Equal(Multiplier.Parse("1.5"), example.Multiplier);
        Assert.Equal(FeeOutcome.Applied, example.Outcome);
        Assert.Equal(
            new Dictionary<LedgerEntryKind, long> { [LedgerEntryKind.Protocol] = 925, [LedgerEntryKind.Partner] = 60, [LedgerEntryKind.User] = 15 },
            ProgramFixture.ByKind(example));
        Assert.Equal("pay-" + Alice, example.Entries.Single(e => e.Kind == LedgerEntryKind.Partner).Account);
        Assert.Equal(User, example.Entries.Single(e => e.Kind == LedgerEntryKind.User).Account);
    }

    [Fact]
    public async Task Multiplier_ExpiresExactlyOnDay31()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "AB123", kickback: Rate.FromPercent(20));
        await f.BindAsync(User, "AB123");
        await f.IngestAsync(f.Trade("day1", User, fee: 600));

        f.Clock.Now = Instant.FromUtc(2026, 11, 30, 23, 59, 59) + Duration.FromTicks(9_999_999);
        IngestResult lastDay = await f.IngestAsync(f.Trade("day30-probe", User, fee: 0));
        f.Clock.Now = Instant.FromUtc(2026, 12, 1, 0, 0);
        IngestResult day31 = await f.IngestAsync(f.Trade("day31", User, fee: 1_000));

        Assert.Equal(Multiplier.Parse("1.5"), lastDay.Multiplier);
        Assert.Equal(Multiplier.One, day31.Multiplier);
        Assert.Equal(
            new Dictionary<LedgerEntryKind, long> { [LedgerEntryKind.Protocol] = 950, [LedgerEntryKind.Partner] = 40, [LedgerEntryKind.User] = 10 },
            ProgramFixture.ByKind(day31));
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

        Assert.Equal("pay-" + Bob, passed.Entries.Single(e => e.Kind == LedgerEntryKind.Partner).Account);
        Assert.Equal("BOB77", passed.Entries[0].Code);
        Assert.Equal("pay-" + Alice, linked.Entries.Single(e => e.Kind == LedgerEntryKind.Partner).Account);
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
            new(ProgramFixture.Registry, id, kind, f.Clock.Now, User, Amount.FromUnits(amount), Amount.FromUnits(notional), Code: code, VaultId: "vault-1");
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

        Assert.True(published.IsApplied);
        Assert.Equal(2, late.Binding!.TermsVersion);
        Assert.Equal(50, ProgramFixture.ByKind(early)[LedgerEntryKind.Partner]);
        Assert.Equal(1, early.Entries[0].TermsVersion);
        Assert.Equal(100, ProgramFixture.ByKind(later)[LedgerEntryKind.Partner]);
        Assert.Equal(2, later.Entries[0].TermsVersion);
    }

    [Fact]
    public async Task ReferralFeeOverride_ByTheAdmin_ReplacesTheDefaultForThatPartner()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync(ProgramFixture.RujiraTerms with { MultiplierLadder = [] });
        await f.CreateCodeAsync(Alice, "AB123");
        await f.BindAsync(User, "AB123");

        ChangeResult set = await f.ApplyAsync(ProgramFixture.Admin, new SetReferralFeeOverride("AB123", Rate.FromPercent(8)));
        IngestResult result = await f.IngestAsync(f.Trade("t1", User, fee: 1_000));

        Assert.True(set.IsApplied);
        Assert.Equal(80, ProgramFixture.ByKind(result)[LedgerEntryKind.Partner]);
    }

    [Fact]
    public async Task Refund_ClawsBackTheEventsEntries_SoTheyNetToZero()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "AB123", kickback: Rate.FromPercent(20), affiliateFee: Rate.FromBasisPoints(30));
        await f.BindAsync(User, "AB123");
        IngestResult trade = await f.IngestAsync(f.Trade("t1", User, fee: 999, notional: 12_345));

        IngestResult refund = await f.IngestAsync(new ProgramEvent(ProgramFixture.Registry, "r1", EventKind.Refund, f.Clock.Now, User, Amount.FromUnits(999), Amount.Zero, RefundOf: "t1"));

        Assert.Equal(FeeOutcome.Clawback, refund.Outcome);
        Assert.Equal(trade.Entries.Count, refund.Entries.Count);
        Assert.All(trade.Entries.Zip(refund.Entries), pair =>
        {
            Assert.Equal(pair.First.Account, pair.Second.Account);
            Assert.Equal(pair.First.Kind, pair.Second.Kind);
            Assert.Equal(-pair.First.Amount, pair.Second.Amount);
        });
        IReadOnlyList<CodeTotals> totals = await f.Program.GetTotalsAsync(ProgramFixture.Registry, f.Clock.Now, f.Clock.Now + Duration.FromSeconds(1));
        Assert.Equal(new CodeTotals("AB123", 1, Amount.Zero, Amount.Zero, Amount.Zero, 2), Assert.Single(totals));
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
                Amount.FromUnits(1_000 * i),
                Code: i % 3 == 0 ? "BOB77" : null)),
            new ProgramEvent(ProgramFixture.Registry, "r7", EventKind.Refund, f.Clock.Now + Duration.FromDays(20), User, Amount.FromUnits(37 * 49), Amount.Zero, RefundOf: "t7"),
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
