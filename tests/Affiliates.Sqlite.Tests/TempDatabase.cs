using Microsoft.Data.Sqlite;

namespace Affiliates.Sqlite.Tests;

/// <summary>A fresh directory holding one database file, deleted with everything in it on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "affiliates-sqlite-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        FilePath = Path.Combine(Directory, "store.db");
    }

    public string Directory { get; }

    public string FilePath { get; }

    public SqliteStoreOptions Options => new() { FilePath = FilePath };

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before deleting.
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
