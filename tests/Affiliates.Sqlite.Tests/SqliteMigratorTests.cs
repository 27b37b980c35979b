using Microsoft.Data.Sqlite;

namespace Affiliates.Sqlite.Tests;

public sealed class SqliteMigratorTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly SqliteConnectionFactory factory;

    public SqliteMigratorTests() => factory = new SqliteConnectionFactory(database.Options);

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Apply_OnAFreshFile_RunsEveryScriptInOrderAndRecordsIt()
    {
        await using var connection = await factory.OpenAsync(default);

        var applied = await SqliteMigrator.ApplyAsync(connection, default);

        var expected = SqliteMigrator.Migrations.Select(m => m.Version).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, applied);
        Assert.Equal(expected, await RecordedVersionsAsync(connection));
        Assert.Equal(SqliteMigrator.Migrations.Select(m => m.Name), await ScalarsAsync<string>(connection, "SELECT name FROM schema_migrations ORDER BY version"));
    }

    [Fact]
    public async Task Apply_ASecondTime_AppliesNothing()
    {
        await using var connection = await factory.OpenAsync(default);
        await SqliteMigrator.ApplyAsync(connection, default);

        var second = await SqliteMigrator.ApplyAsync(connection, default);

        Assert.Empty(second);
        Assert.Equal(SqliteMigrator.Migrations.Count, (await RecordedVersionsAsync(connection)).Count);
    }

    [Fact]
    public async Task Apply_FromEightConcurrentOpeners_RunsEachScriptOnce()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var openers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var connection = await new SqliteConnectionFactory(database.Options).OpenAsync(default);
            await start.Task;
            return await SqliteMigrator.ApplyAsync(connection, default);
        })).ToArray();
        start.SetResult();
        var runs = await Task.WhenAll(openers);

        Assert.Equal(SqliteMigrator.Migrations.Select(m => m.Version), runs.SelectMany(r => r).Order());
        await using var check = await factory.OpenAsync(default);
        Assert.Equal(SqliteMigrator.Migrations.Count, (await RecordedVersionsAsync(check)).Count);
    }

    [Fact]
    public async Task Open_SetsWalForeignKeysAndBusyTimeout()
    {
        await using var connection = await factory.OpenAsync(default);

        Assert.Equal(["wal"], await ScalarsAsync<string>(connection, "PRAGMA journal_mode"));
        Assert.Equal([1L], await ScalarsAsync<long>(connection, "PRAGMA foreign_keys"));
        Assert.Equal([30_000L], await ScalarsAsync<long>(connection, "PRAGMA busy_timeout"));
        Assert.Equal([1L], await ScalarsAsync<long>(connection, "PRAGMA synchronous"));
    }

    [Fact]
    public async Task Open_WithFlushEveryCommit_UsesSynchronousFull()
    {
        var options = database.Options;
        options.FlushEveryCommit = true;
        await using var connection = await new SqliteConnectionFactory(options).OpenAsync(default);

        Assert.Equal([2L], await ScalarsAsync<long>(connection, "PRAGMA synchronous"));
    }

    [Fact]
    public void Factory_WithoutFileOrConnectionString_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SqliteConnectionFactory(new SqliteStoreOptions()));
    }

    [Fact]
    public void Factory_WithNonPositiveBusyTimeout_Throws()
    {
        var options = database.Options;
        options.BusyTimeout = TimeSpan.Zero;

        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteConnectionFactory(options));
    }

    private static async Task<List<int>> RecordedVersionsAsync(SqliteConnection connection) =>
        (await ScalarsAsync<long>(connection, "SELECT version FROM schema_migrations ORDER BY version")).Select(v => (int)v).ToList();

    private static async Task<List<T>> ScalarsAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
