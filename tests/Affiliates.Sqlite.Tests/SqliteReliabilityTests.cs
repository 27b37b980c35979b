using Affiliates.Ledger;
using Affiliates.Settlement;
using Affiliates.Storage;
using NodaTime;

namespace Affiliates.Sqlite.Tests;

public sealed class SqliteReliabilityTests : IDisposable
{
    private const int Workers = 8;
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task SameEvent_FromEightStoresOnOneFile_IsStoredOnce()
    {
        ProgramEvent e = Samples.Event("e1");

        CommitResult[] results = await RaceAsync(async store =>
        {
            await using IAffiliateUnitOfWork unit = await store.BeginAsync();
            unit.AppendEvent(e, Samples.Entries(e));
            return await unit.CommitAsync();
        });

        Assert.Single(results, r => r.SkippedEventIds.Count == 0);
        Assert.Equal(Workers - 1, results.Count(r => r.SkippedEventIds.SequenceEqual(["e1"])));
        var store = new SqliteAffiliateStore(database.Options);
        Assert.Equal(Samples.Entries(e), await store.ListEntriesAsync(Samples.RegistryId, "e1"));
        Assert.Equal(Samples.Entries(e).Length, await CountLedgerAsync(store));
    }

    [Fact]
    public async Task SettlementOfOneEpoch_FromEightStoresOnOneFile_HappensOnce()
    {
        EpochStatement[] statements = [Samples.Statement("2026-W45", "alice"), Samples.Statement("2026-W45", "bob")];
        await using (IAffiliateUnitOfWork closing = await new SqliteAffiliateStore(database.Options).BeginAsync())
        {
            closing.CloseEpoch(Samples.Closed("2026-W45"), null);
            await closing.CommitAsync();
        }

        Exception?[] failures = await RaceAsync(async store =>
        {
            await using IAffiliateUnitOfWork unit = await store.BeginAsync();
            unit.SaveSettlement(Samples.RegistryId, "2026-W45", statements, [Samples.Payout("pay-alice")]);
            return await Record.ExceptionAsync(async () => await unit.CommitAsync());
        });

        Assert.Single(failures, f => f is null);
        Assert.All(failures.Where(f => f is not null), f => Assert.Equal(StoreConflict.EpochAlreadySettled, Assert.IsType<StoreConflictException>(f).Conflict));
        var store = new SqliteAffiliateStore(database.Options);
        Assert.Equal(["alice", "bob"], (await store.ListStatementsAsync(Samples.RegistryId, "2026-W45")).Select(s => s.Payee));
    }

    [Fact]
    public async Task PayoutClaim_FromEightStoresOnOneFile_HasOneWinner()
    {
        var setup = new SqliteAffiliateStore(database.Options);
        await using (IAffiliateUnitOfWork unit = await setup.BeginAsync())
        {
            unit.CloseEpoch(Samples.Closed("2026-W45"), null);
            unit.SaveSettlement(Samples.RegistryId, "2026-W45", [], [Samples.Payout("p1")]);
            await unit.CommitAsync();
        }

        Exception?[] failures = await RaceAsync(async store =>
        {
            await using IAffiliateUnitOfWork unit = await store.BeginAsync();
            unit.SavePayout(Samples.Payout("p1", version: 1, PayoutStatus.Claimed), expectedVersion: 0);
            return await Record.ExceptionAsync(async () => await unit.CommitAsync());
        });

        Assert.Single(failures, f => f is null);
        Assert.Equal(Workers - 1, failures.Count(f => f is StoreConflictException { Conflict: StoreConflict.PayoutVersionMismatch }));
        Assert.Equal(1, (await setup.GetPayoutAsync("p1"))!.Version);
    }

    [Fact]
    public async Task UnitThatConflictsHalfWay_LeavesNothingBehind()
    {
        var store = new SqliteAffiliateStore(database.Options);
        await using (IAffiliateUnitOfWork first = await store.BeginAsync())
        {
            first.ConsumeNonce("signer", "n1", Samples.T0);
            await first.CommitAsync();
        }

        ProgramEvent e = Samples.Event("e1");
        await using IAffiliateUnitOfWork unit = await store.BeginAsync();
        unit.SaveRegistry(Samples.Registry());
        unit.AppendEvent(e, Samples.Entries(e));
        unit.ConsumeNonce("signer", "n1", Samples.T0);
        unit.SaveCode(Samples.Code());

        var conflict = await Assert.ThrowsAsync<StoreConflictException>(async () => await unit.CommitAsync());

        Assert.Equal(StoreConflict.NonceUsed, conflict.Conflict);
        Assert.Null(await store.GetRegistryAsync(Samples.RegistryId));
        Assert.Null(await store.GetEventAsync(Samples.RegistryId, "e1"));
        Assert.Equal(0, await CountLedgerAsync(store));
        Assert.Null(await store.GetCodeAsync(Samples.RegistryId, "AB123"));
    }

    [Fact]
    public async Task UnitThatThrowsHalfWay_LeavesNothingBehind()
    {
        var store = new SqliteAffiliateStore(database.Options);
        ProgramEvent e = Samples.Event("e1");
        ProgramEvent unstorable = Samples.Event("e2") with { OccurredAt = Instant.MaxValue };
        await using IAffiliateUnitOfWork unit = await store.BeginAsync();
        unit.AppendEvent(e, Samples.Entries(e));
        unit.AppendEvent(unstorable, []);

        await Assert.ThrowsAsync<OverflowException>(async () => await unit.CommitAsync());

        Assert.Null(await store.GetEventAsync(Samples.RegistryId, "e1"));
        Assert.Equal(0, await CountLedgerAsync(store));
    }

    [Fact]
    public async Task UnitDisposedWithoutCommit_WritesNothing()
    {
        var store = new SqliteAffiliateStore(database.Options);
        await using (IAffiliateUnitOfWork unit = await store.BeginAsync())
        {
            unit.SaveRegistry(Samples.Registry());
        }

        Assert.Null(await store.GetRegistryAsync(Samples.RegistryId));
    }

    private async Task<T[]> RaceAsync<T>(Func<SqliteAffiliateStore, Task<T>> work)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<T>[] workers = [.. Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            var store = new SqliteAffiliateStore(database.Options);
            await store.GetRegistryAsync("warm-up");
            await start.Task;
            return await work(store);
        }))];
        start.SetResult();
        return await Task.WhenAll(workers);
    }

    private static async Task<int> CountLedgerAsync(SqliteAffiliateStore store)
    {
        int count = 0;
        await foreach (LedgerEntry entry in store.ReadLedgerAsync(Samples.RegistryId, Instant.MinValue, Instant.MaxValue))
        {
            count++;
        }

        return count;
    }
}
