using Affiliates.Storage;
using Affiliates.Storage.Conformance;

namespace Affiliates.Sqlite.Tests;

/// <summary>The storage conformance suite, unchanged, against a fresh SQLite file per test.</summary>
public sealed class SqliteConformanceTests : StoreConformanceTests, IDisposable
{
    private readonly List<TempDatabase> databases = [];

    public void Dispose() => databases.ForEach(d => d.Dispose());

    protected override Task<IAffiliateStore> CreateStoreAsync()
    {
        var database = new TempDatabase();
        databases.Add(database);
        return Task.FromResult<IAffiliateStore>(new SqliteAffiliateStore(database.Options));
    }
}
