using System.Globalization;
using Affiliates.Ledger;
using Affiliates.PostgreSql;
using Affiliates.Storage;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Affiliates.Benchmarks;

/// <summary>
/// Ingest of 100 000 events with two ledger entries each (300 000 rows) through the store's unit of work (COPY
/// BINARY straight into the tables under a savepoint; when some event exists already, COPY into staging tables and an
/// idempotent <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c>) against a raw COPY BINARY of the same rows straight
/// into the same tables. Needs a server: set AFFILIATES_PG_CONNECTION, e.g.
/// <c>eval "$(bash .ci/postgres.sh start)"</c>. Times are per row.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PostgreSqlIngestBenchmarks
{
    private const int Events = 100_000;
    private const int EntriesPerEvent = 3;
    private const int Rows = Events * (1 + EntriesPerEvent);

    private (ProgramEvent Event, LedgerEntry[] Entries)[] batch = [];
    private string connectionString = "";
    private string schema = "";
    private PostgreSqlAffiliateStore store = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        string? server = Environment.GetEnvironmentVariable("AFFILIATES_PG_CONNECTION");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                "PostgreSqlIngestBenchmarks needs a PostgreSQL server: run `eval \"$(bash .ci/postgres.sh start)\"` first (it sets AFFILIATES_PG_CONNECTION).");
        }

        schema = "affiliates_bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
        store = new PostgreSqlAffiliateStore(new PostgreSqlStoreOptions { ConnectionString = connectionString });
        await store.MigrateAsync();
        batch = [.. Enumerable.Range(0, Events).Select(MakeEvent)];
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await store.DisposeAsync();
        await ExecuteAsync(Environment.GetEnvironmentVariable("AFFILIATES_PG_CONNECTION")!, $"DROP SCHEMA {schema} CASCADE");
    }

    [IterationSetup(Targets = [nameof(RawCopyBinary), nameof(StoreUnitOfWork)])]
    public void EmptyTables() => ExecuteAsync(connectionString, "TRUNCATE program_events, ledger_entries").GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(StoreUnitOfWorkWithReplays))]
    public void EmptyTablesButOnePercent()
    {
        EmptyTables();
        AppendAsync(batch.Where((_, i) => i % 100 == 0), expectedSkips: 0).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public async Task RawCopyBinary()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync();
        await using (NpgsqlBinaryImporter copy = await connection.BeginBinaryImportAsync(
            "COPY program_events (registry_id, event_id, kind, occurred_at, user_address, amount, notional, pair, code, vault_id, refund_of, asset_chain, asset_symbol, asset_decimals, asset_contract) FROM STDIN (FORMAT BINARY)"))
        {
            foreach ((ProgramEvent e, _) in batch)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(e.RegistryId, NpgsqlDbType.Text);
                await copy.WriteAsync(e.Id, NpgsqlDbType.Text);
                await copy.WriteAsync((short)e.Kind, NpgsqlDbType.Smallint);
                await copy.WriteAsync(e.OccurredAt.ToUnixTimeTicks(), NpgsqlDbType.Bigint);
                await copy.WriteAsync(e.UserAddress, NpgsqlDbType.Text);
                await copy.WriteAsync((System.Numerics.BigInteger)e.Amount.Units, NpgsqlDbType.Numeric);
                await copy.WriteAsync((System.Numerics.BigInteger)e.Notional.Units, NpgsqlDbType.Numeric);
                await copy.WriteAsync(e.Pair, NpgsqlDbType.Text);
                await copy.WriteAsync(e.Code, NpgsqlDbType.Text);
                await copy.WriteNullAsync();
                await copy.WriteNullAsync();
                await copy.WriteAsync(e.Asset.Chain, NpgsqlDbType.Text);
                await copy.WriteAsync(e.Asset.Symbol, NpgsqlDbType.Text);
                await copy.WriteAsync(e.Asset.Decimals, NpgsqlDbType.Integer);
                await copy.WriteAsync(e.Asset.Contract, NpgsqlDbType.Text);
            }

            await copy.CompleteAsync();
        }

        await using (NpgsqlBinaryImporter copy = await connection.BeginBinaryImportAsync(
            "COPY ledger_entries (registry_id, event_id, sequence, occurred_at, kind, account, code, code_generation, terms_version, amount, outcome, " +
            "booked_at, user_address, referral_fee_ppm, kickback_ppm, refund_of) FROM STDIN (FORMAT BINARY)"))
        {
            foreach ((_, LedgerEntry[] entries) in batch)
            {
                foreach (LedgerEntry x in entries)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(x.RegistryId, NpgsqlDbType.Text);
                    await copy.WriteAsync(x.EventId, NpgsqlDbType.Text);
                    await copy.WriteAsync(x.Sequence, NpgsqlDbType.Integer);
                    await copy.WriteAsync(x.OccurredAt.ToUnixTimeTicks(), NpgsqlDbType.Bigint);
                    await copy.WriteAsync((short)x.Kind, NpgsqlDbType.Smallint);
                    await copy.WriteAsync(x.Account, NpgsqlDbType.Text);
                    await copy.WriteAsync(x.Code, NpgsqlDbType.Text);
                    await copy.WriteAsync(x.CodeGeneration, NpgsqlDbType.Integer);
                    await copy.WriteAsync(x.TermsVersion, NpgsqlDbType.Integer);
                    await copy.WriteAsync((System.Numerics.BigInteger)x.Amount.Units, NpgsqlDbType.Numeric);
                    await copy.WriteAsync((short)x.Outcome, NpgsqlDbType.Smallint);
                    await copy.WriteAsync(x.BookedAt.ToUnixTimeTicks(), NpgsqlDbType.Bigint);
                    await copy.WriteAsync(x.User, NpgsqlDbType.Text);
                    await copy.WriteAsync(x.ReferralFee.PartsPerMillion, NpgsqlDbType.Integer);
                    await copy.WriteAsync(x.Kickback.PartsPerMillion, NpgsqlDbType.Integer);
                    await copy.WriteNullAsync();
                }
            }

            await copy.CompleteAsync();
        }

        await transaction.CommitAsync();
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public Task StoreUnitOfWork() => AppendAsync(batch, expectedSkips: 0);

    /// <summary>The same batch when 1 % of its events are stored already: the staging path.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public Task StoreUnitOfWorkWithReplays() => AppendAsync(batch, expectedSkips: Events / 100);

    private async Task AppendAsync(IEnumerable<(ProgramEvent Event, LedgerEntry[] Entries)> events, int expectedSkips)
    {
        await using IAffiliateUnitOfWork unit = await store.BeginAsync();
        foreach ((ProgramEvent e, LedgerEntry[] entries) in events)
        {
            unit.AppendEvent(e, entries);
        }

        CommitResult result = await unit.CommitAsync();
        if (result.SkippedEventIds.Count != expectedSkips)
        {
            throw new InvalidOperationException($"Expected {expectedSkips} skipped events, got {result.SkippedEventIds.Count}.");
        }
    }

    private static (ProgramEvent, LedgerEntry[]) MakeEvent(int i)
    {
        string id = "evt-" + i.ToString("D8", CultureInfo.InvariantCulture);
        string user = "user-" + (i % 10_000).ToString(CultureInfo.InvariantCulture);
        string code = "CODE" + (i % 1_000).ToString(CultureInfo.InvariantCulture);
        Instant at = Instant.FromUtc(2026, 11, 1, 0, 0) + Duration.FromSeconds(i * 6L);
        var e = new ProgramEvent("reg", id, EventKind.Trade, at, user, Amount.FromUnits(1_000_000 + i), Amount.FromUnits(100_000_000), Asset.UsdcSolana, "SOL/USDC", code);
        LedgerEntry[] entries =
        [
            new("reg", id, 0, at, LedgerEntryKind.AttributedRevenue, "owner-" + code, code, 1, 1, Amount.FromUnits(1_000_000 + i), FeeOutcome.Applied)
            {
                User = user,
                ReferralFee = Rate.FromBasisPoints(500),
                Kickback = Rate.FromPercent(20),
            },
            new("reg", id, 1, at, LedgerEntryKind.AffiliateFee, "owner-" + code, code, 1, 1, Amount.FromUnits(300_000), FeeOutcome.Applied) { User = user },
        ];
        return (e, entries);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
