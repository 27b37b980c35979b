using Affiliates.Storage;
using Affiliates.Storage.Conformance;

namespace Affiliates.PostgreSql.Tests;

/// <summary>The suite again with every event going through the COPY BINARY staging path.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlBulkConformanceTests(PostgreSqlServer server) : StoreConformanceTests, IAsyncLifetime
{
    private readonly StoreSchemas schemas = new(server);

    protected override async Task<IAffiliateStore> CreateStoreAsync() => await schemas.CreateStoreAsync(bulkCopyThreshold: 1);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await schemas.DisposeAsync();
}
