using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Affiliates.Sqlite;

/// <summary>Opens connections configured the same way every time: WAL, foreign keys, busy timeout.</summary>
internal sealed class SqliteConnectionFactory
{
    private readonly string connectionString;
    private readonly string pragmas;

    public SqliteConnectionFactory(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = options.ConnectionString is { Length: > 0 } text
            ? new SqliteConnectionStringBuilder(text)
            : new SqliteConnectionStringBuilder { DataSource = RequireFilePath(options.FilePath) };
        if (options.BusyTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BusyTimeout, "BusyTimeout must be positive.");
        }

        var timeoutMs = checked((long)options.BusyTimeout.TotalMilliseconds);
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Pooling = true;
        builder.ForeignKeys = true;
        builder.DefaultTimeout = (int)Math.Max(1, timeoutMs / 1000);
        connectionString = builder.ToString();
        pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {(options.FlushEveryCommit ? "FULL" : "NORMAL")}; PRAGMA busy_timeout = {timeoutMs};");
    }

    public async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string RequireFilePath(string? filePath) =>
        string.IsNullOrWhiteSpace(filePath)
            ? throw new ArgumentException("Set SqliteStoreOptions.FilePath or SqliteStoreOptions.ConnectionString.", nameof(filePath))
            : filePath;
}
