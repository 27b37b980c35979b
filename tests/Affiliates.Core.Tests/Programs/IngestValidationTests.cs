using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Storage;
using NodaTime;

namespace Affiliates.Tests.Programs;

public sealed class IngestValidationTests
{
    private static async Task<ProgramFixture> SetUpAsync()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync("alice-wallet", "AB123");
        return f;
    }

    [Theory]
    [InlineData("NOPE99", FeeOutcome.UnknownCode)]
    [InlineData("bad code!", FeeOutcome.MalformedCode)]
    public async Task Trade_WithABadCode_GoesToTheProtocolAndSaysWhy(string code, FeeOutcome expected)
    {
        ProgramFixture f = await SetUpAsync();

        IngestResult result = await f.IngestAsync(f.Trade("t1", "user", 1_000, notional: 50_000, code: code));

        Assert.Equal(IngestStatus.Recorded, result.Status);
        Assert.Equal(expected, result.Outcome);
        Assert.Contains("protocol", result.Detail, StringComparison.Ordinal);
        LedgerEntry entry = Assert.Single(result.Entries);
        Assert.Equal((LedgerEntryKind.Protocol, 1_000L, expected), (entry.Kind, (long)entry.Amount.Units, entry.Outcome));
        Assert.Null(result.AffiliateFee);
    }

    [Fact]
    public async Task Trade_WithNegativeAmount_IsRejected()
    {
        ProgramFixture f = await SetUpAsync();

        IngestResult fee = await f.IngestAsync(f.Trade("t1", "user", -1));
        IngestResult notional = await f.IngestAsync(f.Trade("t2", "user", 1, notional: -5));

        Assert.Equal(IngestStatus.NegativeAmount, fee.Status);
        Assert.Equal(IngestStatus.NegativeAmount, notional.Status);
        Assert.Null(await f.Store.GetEventAsync(ProgramFixture.Registry, "t1"));
    }

    [Fact]
    public async Task Trade_WithAnAmountBeyondTheLimit_IsRejected()
    {
        ProgramFixture f = await SetUpAsync();
        ProgramEvent huge = f.Trade("t1", "user", 0) with { Amount = Amount.MaxValue };

        IngestResult result = await f.IngestAsync(huge);
        IngestResult atLimit = await f.IngestAsync(f.Trade("t2", "user", 0, code: "AB123") with { Amount = IngestResult.MaxAmount });

        Assert.Equal(IngestStatus.AmountTooLarge, result.Status);
        Assert.Equal(IngestStatus.Recorded, atLimit.Status);
        Assert.Equal(IngestResult.MaxAmount, atLimit.Entries.Aggregate(Amount.Zero, (sum, e) => sum + e.Amount));
    }

    [Fact]
    public async Task Events_WithMissingFieldsOrUnknownRegistry_AreRejected()
    {
        ProgramFixture f = await SetUpAsync();

        IReadOnlyList<IngestResult> results = await f.Program.IngestAsync(
        [
            f.Trade("", "user", 1),
            f.Trade("t1", "", 1),
            f.Trade("t2", "user", 1) with { RegistryId = "elsewhere" },
            f.Trade("t3", "user", 1) with { Kind = (EventKind)42 },
            new ProgramEvent(ProgramFixture.Registry, "r1", EventKind.Refund, f.Clock.Now, "user", Amount.FromUnits(1), Amount.Zero, Asset.Usd),
        ]);

        Assert.Equal(
            [IngestStatus.MissingField, IngestStatus.MissingField, IngestStatus.UnknownRegistry, IngestStatus.MissingField, IngestStatus.MissingField],
            results.Select(r => r.Status));
        Assert.All(results, r => Assert.Empty(r.Entries));
    }

    [Fact]
    public async Task Refunds_InParts_AreRecordedUpToTheEventsAmount_AndNoFurther()
    {
        ProgramFixture f = await SetUpAsync();
        await f.IngestAsync(f.Trade("t1", "user", 100));

        IngestResult unknown = await f.IngestAsync(Refund("r1", "t0", 100));
        IngestResult partial = await f.IngestAsync(Refund("r2", "t1", 40));
        IngestResult tooMuch = await f.IngestAsync(Refund("r3", "t1", 61));
        IngestResult rest = await f.IngestAsync(Refund("r4", "t1", 60));
        IngestResult ofRefund = await f.IngestAsync(Refund("r5", "r4", 1));
        IngestResult again = await f.IngestAsync(Refund("r6", "t1", 1));
        IngestResult zero = await f.IngestAsync(Refund("r7", "t1", 0));

        Assert.Equal(IngestStatus.Held, unknown.Status);
        Assert.Equal(IngestStatus.Recorded, partial.Status);
        Assert.Equal(IngestStatus.RefundExceedsPayment, tooMuch.Status);
        Assert.Equal(IngestStatus.Recorded, rest.Status);
        Assert.Equal(IngestStatus.NotRefundable, ofRefund.Status);
        Assert.Equal(IngestStatus.RefundExceedsPayment, again.Status);
        Assert.Equal(IngestStatus.NegativeAmount, zero.Status);
        Assert.Equal([-40, -60], new[] { partial, rest }.Select(r => (long)Assert.Single(r.Entries).Amount.Units));
        Assert.Equal([("r2", 1, 40), ("r4", 2, 100)], (await f.Store.ListRefundsAsync(ProgramFixture.Registry, "t1")).Select(r => (r.RefundId, r.Ordinal, (int)r.RefundedAfter.Units)));

        ProgramEvent Refund(string id, string of, long amount) =>
            new(ProgramFixture.Registry, id, EventKind.Refund, f.Clock.Now, "user", Amount.FromUnits(amount), Amount.Zero, Asset.Usd, RefundOf: of);
    }

    [Fact]
    public async Task TwoFullRefundsOfOneEvent_ReadingBeforeEitherCommits_RefundItOnce()
    {
        var rendezvous = new CommitRendezvous(parties: 2);
        IAffiliateStore store = CommitHookStore.Around(new InMemoryAffiliateStore(), rendezvous.ArriveAsync);
        ProgramFixture f = await new ProgramFixture(store: store).WithRegistryAsync();
        await f.CreateCodeAsync("alice-wallet", "AB123");
        Assert.Equal(IngestStatus.Recorded, (await f.IngestAsync(f.Trade("t1", "user", 1_000, code: "AB123"))).Status);
        rendezvous.Arm();

        Task<IReadOnlyList<IngestResult>> first = f.Program.IngestAsync([Refund("r1")]).AsTask();
        Task<IReadOnlyList<IngestResult>> second = f.Program.IngestAsync([Refund("r2"), f.Trade("t2", "user", 500, code: "AB123")]).AsTask();
        IReadOnlyList<IngestResult>[] results = await Task.WhenAll(first, second);

        IngestResult[] refunds = [results[0][0], results[1][0]];
        Assert.Single(refunds, r => r.Status == IngestStatus.Recorded);
        Assert.Single(refunds, r => r.Status == IngestStatus.RefundExceedsPayment);
        Assert.Equal(IngestStatus.Recorded, results[1][1].Status);
        var ledger = new List<LedgerEntry>();
        await foreach (LedgerEntry entry in store.ReadLedgerAsync(ProgramFixture.Registry, Instant.MinValue, Instant.MaxValue))
        {
            ledger.Add(entry);
        }

        Assert.Single(ledger.Select(e => e.EventId).Where(id => id is "r1" or "r2").Distinct());
        Assert.Equal(Amount.FromUnits(500), ledger.Aggregate(Amount.Zero, (sum, e) => sum + e.Amount));

        ProgramEvent Refund(string id) =>
            new(ProgramFixture.Registry, id, EventKind.Refund, f.Clock.Now, "user", Amount.FromUnits(1_000), Amount.Zero, Asset.Usd, RefundOf: "t1");
    }

    [Fact]
    public async Task Event_RepeatedWithinOneBatch_IsRecordedOnce()
    {
        ProgramFixture f = await SetUpAsync();
        ProgramEvent trade = f.Trade("t1", "user", 100);

        IReadOnlyList<IngestResult> results = await f.Program.IngestAsync([trade, trade, trade with { Amount = Amount.FromUnits(5) }]);

        Assert.Equal([IngestStatus.Recorded, IngestStatus.Duplicate, IngestStatus.Conflict], results.Select(r => r.Status));
        Assert.Equal(trade, await f.Store.GetEventAsync(ProgramFixture.Registry, "t1"));
    }

    [Fact]
    public async Task RevenueShare_RecordsAttributedRevenueForSettlement()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync(ProgramTermsDefaults.RevenueShare(Asset.Sol, Rate.FromPercent(20)));
        await f.CreateCodeAsync("alice-wallet", "AB123");
        await f.BindAsync("user", "AB123");

        IngestResult paid = await f.IngestAsync(new ProgramEvent(ProgramFixture.Registry, "s1", EventKind.SubscriptionPayment, f.Clock.Now, "user", Asset.Sol.Whole(2), Amount.Zero, Asset.Sol));

        LedgerEntry entry = Assert.Single(paid.Entries);
        Assert.Equal((LedgerEntryKind.AttributedRevenue, "alice-wallet", Asset.Sol.Whole(2)), (entry.Kind, entry.Account, entry.Amount));
        IReadOnlyList<CodeTotals> totals = await f.Program.GetTotalsAsync(ProgramFixture.Registry, f.Clock.Now, f.Clock.Now + Duration.FromDays(1));
        Assert.Equal(Asset.Sol.Whole(2), Assert.Single(totals).Revenue);
    }
}
