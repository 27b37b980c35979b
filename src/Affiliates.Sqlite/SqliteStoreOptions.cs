namespace Affiliates.Sqlite;

/// <summary>Where the SQLite store keeps its data and how it waits for locks.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Gets or sets the path of the database file; used when <see cref="ConnectionString"/> is not set.</summary>
    public string? FilePath { get; set; }

    /// <summary>Gets or sets a full Microsoft.Data.Sqlite connection string; takes precedence over <see cref="FilePath"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets how long a connection waits for another writer's lock before failing; 30 seconds by default.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets a value indicating whether every commit is flushed to disk before it returns
    /// (<c>synchronous=FULL</c>); <see langword="false"/> by default (<c>synchronous=NORMAL</c>).
    /// </summary>
    /// <remarks>
    /// In WAL mode NORMAL never corrupts the database and never loses a commit when the process crashes or is killed;
    /// only a power loss or OS crash may roll back the last few commits. Payouts stay safe because rails are
    /// idempotent by payout id and reconcile after a crash. Set this when even that window is unacceptable.
    /// </remarks>
    public bool FlushEveryCommit { get; set; }
}
