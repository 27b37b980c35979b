using Affiliates.Hosting;
using Affiliates.Storage;
using Affiliates.Storage.Conformance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Affiliates.PostgreSql.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlAffiliatesBuilderExtensionsTests(PostgreSqlServer server) : IAsyncLifetime
{
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await server.CreateSchemaAsync();

    public Task DisposeAsync() => server.DropSchemaAsync(connectionString);

    [Fact]
    public async Task UsePostgreSql_ReplacesTheInMemoryStoreAndMigratesOnFirstUse()
    {
        var services = new ServiceCollection();
        services.AddAffiliates().UsePostgreSql(o => o.ConnectionString = connectionString);
        await using ServiceProvider provider = services.BuildServiceProvider();

        IAffiliateStore store = provider.GetRequiredService<IAffiliateStore>();
        await using (IAffiliateUnitOfWork unit = await store.BeginAsync())
        {
            unit.SaveRegistry(Sample.Registry());
            await unit.CommitAsync();
        }

        Assert.IsType<PostgreSqlAffiliateStore>(store);
        Assert.Same(store, provider.GetRequiredService<PostgreSqlAffiliateStore>());
        Assert.Equal("admin", (await store.GetRegistryAsync("reg"))?.AdminAddress);
    }

    [Fact]
    public async Task UsePostgreSql_WithInvalidOptions_NamesEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddAffiliates().UsePostgreSql(o => o.BulkCopyThreshold = 0);
        await using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IAffiliateStore>());

        Assert.Contains(failure.Failures, f => f.Contains(nameof(PostgreSqlStoreOptions.ConnectionString), StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains(nameof(PostgreSqlStoreOptions.BulkCopyThreshold), StringComparison.Ordinal));
    }

    [Fact]
    public void Store_WithoutConnectionString_IsRefused() =>
        Assert.Throws<ArgumentException>("options", () => new PostgreSqlAffiliateStore(new PostgreSqlStoreOptions()));
}
