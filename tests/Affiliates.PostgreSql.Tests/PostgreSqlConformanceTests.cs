using Affiliates.Storage;
using Affiliates.Storage.Conformance;

namespace Affiliates.PostgreSql.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlConformanceTests(PostgreSqlServer server) : StoreConformanceTests, IAsyncLifetime
{
    private readonly StoreSchemas schemas = new(server);

    protected override async Task<IAffiliateStore> CreateStoreAsync() => await schemas.CreateStoreAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await schemas.DisposeAsync();
}
