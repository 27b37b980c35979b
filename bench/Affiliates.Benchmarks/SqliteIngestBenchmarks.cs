using Affiliates.Ledger;
using Affiliates.Sqlite;
using Affiliates.Storage;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Affiliates.Benchmarks;

/// <summary>
/// Ingest of events (one event row and two ledger entry rows each) into a fresh SQLite file: through the store's units
/// of work against a hand-written prepared-insert loop on the same schema, in the same run.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SqliteIngestBenchmarks
{
    private const int Events = 100_000;
    private const string Registry = "bench";

    private (ProgramEvent Event, LedgerEntry[] Entries)[] batch = [];
    private string directory = "";
    private SqliteStoreOptions options = new();

    [GlobalSetup]
    public void CreateEvents()
    {
        Instant start = Instant.FromUtc(2026, 11, 1, 0, 0);
        batch = [.. Enumerable.Range(0, Events).Select(i =>
        {
            Instant at = start + Duration.FromSeconds(i);
            string code = "CODE" + (i % 1000);
            var e = new ProgramEvent(Registry, "event-" + i, EventKind.Trade, at, "user-" + (i % 10_000), Amount.FromUnits(1000 + i), Amount.FromUnits(1_000_000), Asset.UsdcSolana, "SOL/USDC", code);
            LedgerEntry[] entries =
            [
                new(Registry, e.Id, 0, at, LedgerEntryKind.AttributedRevenue, "partner-" + (i % 1000), code, 1, 1, Amount.FromUnits(1000 + i), FeeOutcome.Applied)
                {
                    User = e.UserAddress,
                    ReferralFee = Rate.FromBasisPoints(500),
                    Kickback = Rate.FromPercent(20),
                },
                new(Registry, e.Id, 1, at, LedgerEntryKind.AffiliateFee, "partner-" + (i % 1000), code, 1, 1, Amount.FromUnits(3000), FeeOutcome.Applied) { User = e.UserAddress },
            ];
            return (e, entries);
        })];
    }

    [IterationSetup]
    public void CreateDatabase()
    {
        directory = Path.Combine(Path.GetTempPath(), "affiliates-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        options = new SqliteStoreOptions { FilePath = Path.Combine(directory, "bench.db") };
        new SqliteAffiliateStore(options).GetRegistryAsync(Registry).AsTask().GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>What a team would write by hand: one transaction, two prepared plain INSERTs, values bound in a loop.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public void RawPreparedInsertLoop() => RawInsert(Events);

    /// <summary>The same loop committing every 1 000 events, the like-for-like baseline of <see cref="StoreUnitsOf1000"/>.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public void RawPreparedInsertLoopCommitEvery1000() => RawInsert(1000);

    /// <summary>All events in one unit of work: one transaction, idempotent appends.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public CommitResult StoreOneUnit() => Commit(new SqliteAffiliateStore(options), batch).GetAwaiter().GetResult();

    /// <summary>Units of 1 000 events, as an ingest endpoint receiving batches would commit them.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public void StoreUnitsOf1000()
    {
        var store = new SqliteAffiliateStore(options);
        foreach ((ProgramEvent, LedgerEntry[])[] chunk in batch.Chunk(1000))
        {
            Commit(store, chunk).GetAwaiter().GetResult();
        }
    }

    private void RawInsert(int eventsPerTransaction)
    {
        using SqliteConnection connection = new SqliteConnectionFactory(options).OpenAsync(default).AsTask().GetAwaiter().GetResult();
        using SqliteCommand insertEvent = Prepare(
            connection,
            "INSERT INTO events (registry_id, id, kind, occurred_at, user_address, amount, notional, pair, code, vault_id, refund_of, asset_chain, asset_symbol, asset_decimals, asset_contract) " +
            "VALUES ($registry, $id, $kind, $occurred_at, $user, $amount, $notional, $pair, $code, $vault, $refund_of, $chain, $symbol, $decimals, $contract)");
        using SqliteCommand insertEntry = Prepare(
            connection,
            "INSERT INTO ledger_entries (registry_id, event_id, sequence, occurred_at, kind, account, code, code_generation, terms_version, amount, outcome, " +
            "booked_at, user_address, referral_fee, kickback, refund_of) " +
            "VALUES ($registry, $event, $sequence, $occurred_at, $kind, $account, $code, $generation, $terms_version, $amount, $outcome, $booked_at, $user, $referral_fee, $kickback, $refund_of)");
        foreach ((ProgramEvent Event, LedgerEntry[] Entries)[] chunk in batch.Chunk(eventsPerTransaction))
        {
            using SqliteTransaction transaction = connection.BeginTransaction();
            insertEvent.Transaction = transaction;
            insertEntry.Transaction = transaction;
            foreach ((ProgramEvent e, LedgerEntry[] entries) in chunk)
            {
                Execute(insertEvent, e.RegistryId, e.Id, (int)e.Kind, Nanoseconds(e.OccurredAt), e.UserAddress, e.Amount.ToString(), e.Notional.ToString(), e.Pair, e.Code, e.VaultId, e.RefundOf, e.Asset.Chain, e.Asset.Symbol, e.Asset.Decimals, e.Asset.Contract);
                foreach (LedgerEntry x in entries)
                {
                    Execute(insertEntry, x.RegistryId, x.EventId, x.Sequence, Nanoseconds(x.OccurredAt), (int)x.Kind, x.Account, x.Code, x.CodeGeneration, x.TermsVersion, x.Amount.ToString(), (int)x.Outcome,
                        Nanoseconds(x.BookedAt), x.User, x.ReferralFee.PartsPerMillion, x.Kickback.PartsPerMillion, x.RefundOf);
                }
            }

            transaction.Commit();
        }
    }

    private static async Task<CommitResult> Commit(SqliteAffiliateStore store, (ProgramEvent Event, LedgerEntry[] Entries)[] events)
    {
        await using IAffiliateUnitOfWork unit = await store.BeginAsync();
        foreach ((ProgramEvent e, LedgerEntry[] entries) in events)
        {
            unit.AppendEvent(e, entries);
        }

        return await unit.CommitAsync();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (string name in sql[sql.IndexOf("VALUES", StringComparison.Ordinal)..].Split(['(', ')', ',', ' '], StringSplitOptions.RemoveEmptyEntries).Where(t => t[0] == '$'))
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Execute(SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private static long Nanoseconds(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();
}
