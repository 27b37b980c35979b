using Affiliates.Ledger;
using Affiliates.Settlement;
using Affiliates.Storage;
using Affiliates.Storage.Conformance;
using Npgsql;

namespace Affiliates.PostgreSql.Tests;

/// <summary>Several workers, each with its own store and connection pool on one schema, as separate hosts would be.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlReliabilityTests(PostgreSqlServer server) : IAsyncLifetime
{
    private const int Workers = 8;

    private readonly List<PostgreSqlAffiliateStore> stores = [];
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await server.CreateSchemaAsync();
        await OpenStore().MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (PostgreSqlAffiliateStore store in stores)
        {
            await store.DisposeAsync();
        }

        await server.DropSchemaAsync(connectionString);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(500)]
    public async Task SameEventsFromEightWorkers_AreStoredOnce(int eventsPerUnit)
    {
        ProgramEvent[] events = [.. Enumerable.Range(0, eventsPerUnit).Select(i => Sample.Event("e" + i, i % 60))];

        CommitResult[] results = await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            // Each worker appends the events in its own order, so units lock rows in different orders.
            await using IAffiliateUnitOfWork unit = await OpenStore(bulkCopyThreshold: 100).BeginAsync();
            foreach (ProgramEvent e in w % 2 == 0 ? events : events.Reverse())
            {
                unit.AppendEvent(e, Sample.Entries(e));
            }

            return await unit.CommitAsync();
        })));

        Assert.Equal((Workers - 1) * eventsPerUnit, results.Sum(r => r.SkippedEventIds.Count));
        List<LedgerEntry> ledger = await ReadAllAsync(OpenStore());
        Assert.Equal(2 * eventsPerUnit, ledger.Count);
        Assert.Equal(ledger.Count, ledger.Select(x => (x.EventId, x.Sequence)).Distinct().Count());
    }

    [Fact]
    public async Task EightWorkersSettlingOneEpoch_YieldOneStatementPerPartner()
    {
        string[] partners = ["amy", "bob", "cat"];
        await using (IAffiliateUnitOfWork closing = await OpenStore().BeginAsync())
        {
            closing.CloseEpoch(Sample.Closed("w1"), null);
            await closing.CommitAsync();
        }

        Task<CommitResult>[] attempts = [.. Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            await using IAffiliateUnitOfWork unit = await OpenStore().BeginAsync();
            unit.SaveSettlement(
                "reg",
                "w1",
                [.. partners.Select(p => Sample.Statement("w1", p, Sample.At(0), Sample.At(100)) with { Hash = $"worker-{w}" })],
                [.. partners.Select(p => Sample.Payout($"w1-{p}", "w1") with { Partner = p, TransactionId = $"worker-{w}" })]);
            return await unit.CommitAsync();
        }))];
        await Task.WhenAll(attempts.Select(a => a.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.Equal(1, attempts.Count(a => a.IsCompletedSuccessfully));
        Assert.All(
            attempts.Where(a => !a.IsCompletedSuccessfully),
            a => Assert.Equal(StoreConflict.EpochAlreadySettled, Assert.IsType<StoreConflictException>(a.Exception!.InnerException).Conflict));
        IReadOnlyList<EpochStatement> statements = await OpenStore().ListStatementsAsync("reg", "w1");
        Assert.Equal(partners, statements.Select(s => s.Payee));
        Assert.Single(statements.Select(s => s.Hash).Distinct());
        IReadOnlyList<PayoutIntent> payouts = await OpenStore().ListPayoutsAsync("reg", PayoutStatus.Pending);
        Assert.Equal(3, payouts.Count);
        Assert.Equal(statements[0].Hash, payouts[0].TransactionId);
    }

    [Fact]
    public async Task UnitFailingHalfway_LeavesNothingBehind()
    {
        PostgreSqlAffiliateStore store = OpenStore();
        ProgramEvent e = Sample.Event("e1");

        await using (IAffiliateUnitOfWork unit = await store.BeginAsync())
        {
            unit.SaveRegistry(Sample.Registry());
            unit.ConsumeNonce("signer", "n1", Sample.At(60));
            unit.AppendEvent(e, Sample.Entries(e));

            // Two payouts with one id: the database refuses the second after the first writes went through.
            unit.CloseEpoch(Sample.Closed("w1"), null);
            unit.SaveSettlement("reg", "w1", [], [Sample.Payout("p1", "w1"), Sample.Payout("p1", "w1")]);
            PostgresException failure = await Assert.ThrowsAsync<PostgresException>(async () => await unit.CommitAsync());
            Assert.Equal(PostgresErrorCodes.UniqueViolation, failure.SqlState);
        }

        Assert.Null(await store.GetRegistryAsync("reg"));
        Assert.Null(await store.GetEventAsync("reg", "e1"));
        Assert.False(await store.IsEpochSettledAsync("reg", "w1"));
        Assert.Null(await store.GetPayoutAsync("p1"));
        await using IAffiliateUnitOfWork retry = await store.BeginAsync();
        retry.ConsumeNonce("signer", "n1", Sample.At(60));
        await retry.CommitAsync();
    }

    [Fact]
    public async Task ConnectionKilledMidTransaction_KeepsCommittedWritesAndNoPartialOne()
    {
        PostgreSqlAffiliateStore store = OpenStore();
        ProgramEvent committed = Sample.Event("committed");
        await using (IAffiliateUnitOfWork unit = await store.BeginAsync())
        {
            unit.AppendEvent(committed, Sample.Entries(committed));
            await unit.CommitAsync();
        }

        // Hold a lock the doomed unit's last write needs, so it is provably inside its transaction when killed.
        await using var blocker = new NpgsqlConnection(connectionString);
        await blocker.OpenAsync();
        await using NpgsqlTransaction blocking = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE settlements IN ACCESS EXCLUSIVE MODE", blocker))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        ProgramEvent[] doomed = [.. Enumerable.Range(0, 300).Select(i => Sample.Event("doomed-" + i, i % 60))];
        Task<CommitResult> commit = Task.Run(async () =>
        {
            await using IAffiliateUnitOfWork unit = await store.BeginAsync();
            unit.SaveRegistry(Sample.Registry());
            unit.ConsumeNonce("signer", "n1", Sample.At(60));
            unit.CloseEpoch(Sample.Closed("w1"), null);
            unit.SaveSettlement("reg", "w1", [], [Sample.Payout("p1", "w1")]);
            foreach (ProgramEvent e in doomed)
            {
                unit.AppendEvent(e, Sample.Entries(e));
            }

            return await unit.CommitAsync();
        });

        // Activity views are a snapshot per transaction, so the observer needs its own connection.
        await using var observer = new NpgsqlConnection(connectionString);
        await observer.OpenAsync();
        int victim = await WaitForBlockedBackendAsync(observer);
        await using (var kill = new NpgsqlCommand("SELECT pg_terminate_backend($1)", observer))
        {
            kill.Parameters.Add(new NpgsqlParameter<int> { TypedValue = victim });
            Assert.Equal(true, await kill.ExecuteScalarAsync());
        }

        await blocking.RollbackAsync();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => commit);

        PostgreSqlAffiliateStore reopened = OpenStore();
        Assert.Equal(Sample.Entries(committed), await reopened.ListEntriesAsync("reg", "committed"));
        Assert.Null(await reopened.GetRegistryAsync("reg"));
        Assert.False(await reopened.IsEpochSettledAsync("reg", "w1"));
        Assert.Equal(2, (await ReadAllAsync(reopened)).Count);
        await using IAffiliateUnitOfWork again = await store.BeginAsync();
        again.ConsumeNonce("signer", "n1", Sample.At(60));
        await again.CommitAsync();
    }

    private static async Task<int> WaitForBlockedBackendAsync(NpgsqlConnection observer)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            await using var find = new NpgsqlCommand(
                "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND query LIKE 'INSERT INTO settlements%'",
                observer);
            if (await find.ExecuteScalarAsync(timeout.Token) is int pid)
            {
                return pid;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task<List<LedgerEntry>> ReadAllAsync(IAffiliateStore store)
    {
        var entries = new List<LedgerEntry>();
        await foreach (LedgerEntry entry in store.ReadLedgerAsync("reg", Sample.At(-1), Sample.At(3_600)))
        {
            entries.Add(entry);
        }

        return entries;
    }

    private PostgreSqlAffiliateStore OpenStore(int bulkCopyThreshold = PostgreSqlStoreOptions.DefaultBulkCopyThreshold)
    {
        var store = new PostgreSqlAffiliateStore(new PostgreSqlStoreOptions { ConnectionString = connectionString, BulkCopyThreshold = bulkCopyThreshold });
        lock (stores)
        {
            stores.Add(store);
        }

        return store;
    }
}
