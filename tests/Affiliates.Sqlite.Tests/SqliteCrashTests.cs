using System.Diagnostics;
using Affiliates.Storage;
using Microsoft.Data.Sqlite;

namespace Affiliates.Sqlite.Tests;

public sealed class SqliteCrashTests : IDisposable
{
    private const int CommittedUnits = 25;
    /// <summary>The committed units leave well under a megabyte of WAL; beyond this, the WAL holds the unfinished unit's pages.</summary>
    private const long WalSizeBeforeKill = 8 << 20;
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task StoreReopenedAfterKilledWriter_HasEveryCommittedUnitAndNothingOfTheUnfinishedOne()
    {
        List<string> committed = await RunWriterAndKillItMidCommitAsync();

        Assert.Equal(CommittedUnits, committed.Count);
        SqliteConnection.ClearAllPools();
        var store = new SqliteAffiliateStore(database.Options);
        foreach (string id in committed)
        {
            Assert.NotNull(await store.GetEventAsync(Samples.RegistryId, id));
            Assert.Equal(2, (await store.ListEntriesAsync(Samples.RegistryId, id)).Count);
        }

        for (int i = 0; i < CommittedUnits; i++)
        {
            await using IAffiliateUnitOfWork unit = await store.BeginAsync();
            unit.ConsumeNonce("signer", $"nonce-{i}", Samples.T0);
            var conflict = await Assert.ThrowsAsync<StoreConflictException>(async () => await unit.CommitAsync());
            Assert.Equal(StoreConflict.NonceUsed, conflict.Conflict);
        }

        await using var connection = await new SqliteConnectionFactory(database.Options).OpenAsync(default);
        Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check"));
        Assert.Equal((long)CommittedUnits, await ScalarAsync(connection, "SELECT count(*) FROM events"));
        Assert.Equal(CommittedUnits * 2L, await ScalarAsync(connection, "SELECT count(*) FROM ledger_entries"));
        Assert.Equal((long)CommittedUnits, await ScalarAsync(connection, "SELECT count(*) FROM nonces"));
    }

    /// <summary>Runs the writer, waits until its unfinished unit has spilled uncommitted pages into the WAL, kills it.</summary>
    private async Task<List<string>> RunWriterAndKillItMidCommitAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["exec", typeof(CrashWriter).Assembly.Location, CrashWriter.Command, database.FilePath, CommittedUnits.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        using var writer = Process.Start(start)!;
        Task<string> output = writer.StandardOutput.ReadToEndAsync();
        Task<string> errors = writer.StandardError.ReadToEndAsync();
        try
        {
            var wal = new FileInfo(database.FilePath + "-wal");
            var deadline = Stopwatch.StartNew();
            while (!wal.Exists || wal.Length < WalSizeBeforeKill)
            {
                if (writer.HasExited)
                {
                    Assert.Fail("The writer exited before it could be killed: " + await output + await errors);
                }

                Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(2), "The WAL never grew.");
                await Task.Delay(5);
                wal.Refresh();
            }
        }
        finally
        {
            writer.Kill(entireProcessTree: true);
            await writer.WaitForExitAsync();
        }

        string[] lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(CrashWriter.LongUnitStarted, lines);
        Assert.DoesNotContain(CrashWriter.LongUnitCommitted, lines);
        return [.. lines.Where(l => l.StartsWith(CrashWriter.CommittedPrefix, StringComparison.Ordinal)).Select(l => l[CrashWriter.CommittedPrefix.Length..])];
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
