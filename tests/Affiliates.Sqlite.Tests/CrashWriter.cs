using Affiliates.Ledger;
using Affiliates.Storage;

namespace Affiliates.Sqlite.Tests;

/// <summary>
/// The child process of the crash test: commits some units, announcing each, then starts committing one huge unit
/// and is killed while SQLite is still writing it.
/// </summary>
internal static class CrashWriter
{
    public const string Command = "crash-writer";
    public const string CommittedPrefix = "committed ";
    public const string LongUnitStarted = "long-unit-started";
    public const string LongUnitCommitted = "long-unit-committed";
    public const int LongUnitEvents = 200_000;

    public static async Task RunAsync(string filePath, int units)
    {
        var store = new SqliteAffiliateStore(new SqliteStoreOptions { FilePath = filePath });
        for (int i = 0; i < units; i++)
        {
            await using IAffiliateUnitOfWork unit = await store.BeginAsync();
            ProgramEvent e = Samples.Event($"committed-{i}", minute: i);
            unit.AppendEvent(e, Samples.Entries(e));
            unit.ConsumeNonce("signer", $"nonce-{i}", Samples.T0);
            await unit.CommitAsync();
            await AnnounceAsync(CommittedPrefix + e.Id);
        }

        await using IAffiliateUnitOfWork longUnit = await store.BeginAsync();
        for (int i = 0; i < LongUnitEvents; i++)
        {
            ProgramEvent e = Samples.Event($"uncommitted-{i}", minute: i);
            longUnit.AppendEvent(e, Samples.Entries(e));
        }

        longUnit.ConsumeNonce("signer", "nonce-long", Samples.T0);
        await AnnounceAsync(LongUnitStarted);
        await longUnit.CommitAsync();
        await AnnounceAsync(LongUnitCommitted);
    }

    private static async Task AnnounceAsync(string line)
    {
        await Console.Out.WriteLineAsync(line);
        await Console.Out.FlushAsync();
    }
}
