namespace Affiliates.PostgreSql.Tests;

/// <summary>Gives a test class fresh stores, each in its own new schema, and drops them when the test ends.</summary>
public sealed class StoreSchemas(PostgreSqlServer server) : IAsyncDisposable
{
    private readonly List<(PostgreSqlAffiliateStore Store, string ConnectionString)> created = [];

    public async Task<PostgreSqlAffiliateStore> CreateStoreAsync(int bulkCopyThreshold = PostgreSqlStoreOptions.DefaultBulkCopyThreshold)
    {
        string connectionString = await server.CreateSchemaAsync();
        var store = new PostgreSqlAffiliateStore(new PostgreSqlStoreOptions { ConnectionString = connectionString, BulkCopyThreshold = bulkCopyThreshold });
        created.Add((store, connectionString));
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach ((PostgreSqlAffiliateStore store, string connectionString) in created)
        {
            await store.DisposeAsync();
            await server.DropSchemaAsync(connectionString);
        }
    }
}
