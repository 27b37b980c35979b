using Affiliates.Ledger;
using Affiliates.Programs;
using Affiliates.Settlement;
using Affiliates.Storage;
using NodaTime;

namespace Affiliates.Sqlite.Tests;

public sealed class SqliteAffiliateStoreTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly SqliteAffiliateStore store;

    public SqliteAffiliateStoreTests() => store = new SqliteAffiliateStore(database.Options);

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task EveryRecord_RoundTripsThroughItsColumnsUnchanged()
    {
        ProgramEvent e = Samples.Event("e1");
        LedgerEntry[] entries = Samples.Entries(e);
        var click = new AttributionClick("tok", Samples.RegistryId, "AB123", 1, Samples.T0, Samples.T0.Plus(Duration.FromDays(30)), "iphash", "agent");
        var binding = new Binding(Samples.RegistryId, "user", Binding.VaultScope("v1"), "AB123", 1, 1, BindingStatus.Active, Samples.T0);
        EpochStatement statement = Samples.Statement("2026-W45", "partner");
        PayoutIntent payout = Samples.Payout("p1");
        await CommitAsync(u =>
        {
            u.SaveRegistry(Samples.Registry());
            u.SaveTerms(Samples.Terms());
            u.SaveCode(Samples.Code());
            u.SaveBinding(binding);
            u.SaveClick(click);
            u.AppendEvent(e, entries);
            u.CloseEpoch(Samples.Closed("2026-W45"), null);
            u.SaveSettlement(Samples.RegistryId, "2026-W45", [statement], [payout]);
        });

        Registry registry = (await store.GetRegistryAsync(Samples.RegistryId))!;
        Assert.Equal(Samples.Registry() with { ExcludedAddresses = registry.ExcludedAddresses }, registry);
        Assert.Equal(Samples.Registry().ExcludedAddresses, registry.ExcludedAddresses);
        ProgramTerms terms = (await store.GetTermsAsync(Samples.RegistryId, 1))!;
        ProgramTerms expectedTerms = Samples.Terms();
        Assert.Equal(expectedTerms with { MultiplierLadder = terms.MultiplierLadder, ReservedCodes = terms.ReservedCodes, Tiers = terms.Tiers }, terms);
        Assert.Equal(expectedTerms.MultiplierLadder, terms.MultiplierLadder);
        Assert.Equal(expectedTerms.ReservedCodes, terms.ReservedCodes);
        Assert.Equal(expectedTerms.Tiers, terms.Tiers);
        Assert.Equal(Samples.Code(), await store.GetCodeAsync(Samples.RegistryId, "AB123"));
        Assert.Equal(binding, await store.GetBindingAsync(Samples.RegistryId, "user", binding.Scope));
        Assert.Equal(click, await store.GetClickAsync("tok"));
        Assert.Equal(e, await store.GetEventAsync(Samples.RegistryId, "e1"));
        Assert.Equal(entries, await store.ListEntriesAsync(Samples.RegistryId, "e1"));
        EpochStatement stored = Assert.Single(await store.ListStatementsAsync(Samples.RegistryId, "2026-W45"));
        Assert.Equal(statement with { Lines = stored.Lines }, stored);
        Assert.Equal(statement.Lines, stored.Lines);
        Assert.Equal(payout, await store.GetPayoutAsync("p1"));
    }

    [Fact]
    public async Task NegativeAndWideAmounts_RoundTripExactly()
    {
        Amount wide = Amount.FromUnits(Int128.MinValue + 1);
        ProgramEvent e = Samples.Event("refund") with { Kind = EventKind.Refund, RefundOf = "e1" };
        LedgerEntry[] entries = [Samples.Entries(e)[0] with { Amount = wide, Outcome = FeeOutcome.Clawback, Code = null }];
        await CommitAsync(u => u.AppendEvent(e, entries));

        Assert.Equal(entries, await store.ListEntriesAsync(Samples.RegistryId, "refund"));
    }

    [Fact]
    public async Task ReadLedger_WithUnboundedRange_ReturnsEntriesInTimeEventSequenceOrder()
    {
        ProgramEvent late = Samples.Event("a-late", minute: 5);
        ProgramEvent early = Samples.Event("z-early", minute: 1);
        ProgramEvent tie = Samples.Event("b-tie", minute: 5);
        await CommitAsync(u =>
        {
            u.AppendEvent(late, Samples.Entries(late));
            u.AppendEvent(early, Samples.Entries(early));
            u.AppendEvent(tie, Samples.Entries(tie));
        });

        var read = new List<LedgerEntry>();
        await foreach (LedgerEntry entry in store.ReadLedgerAsync(Samples.RegistryId, Instant.MinValue, Instant.MaxValue))
        {
            read.Add(entry);
        }

        Assert.Equal([.. Samples.Entries(early), .. Samples.Entries(late), .. Samples.Entries(tie)], read);
    }

    [Fact]
    public async Task BeginTransaction_TakesTheWriteLockImmediately()
    {
        await using var first = await store.OpenAsync(default);
        using var held = first.BeginTransaction();
        var options = database.Options;
        options.BusyTimeout = TimeSpan.FromMilliseconds(50);
        await using var second = await new SqliteConnectionFactory(options).OpenAsync(default);

        var busy = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => second.BeginTransaction());
        Assert.Equal(5, busy.SqliteErrorCode);
    }

    private async Task<CommitResult> CommitAsync(Action<IAffiliateUnitOfWork> write)
    {
        await using IAffiliateUnitOfWork unit = await store.BeginAsync();
        write(unit);
        return await unit.CommitAsync();
    }
}
