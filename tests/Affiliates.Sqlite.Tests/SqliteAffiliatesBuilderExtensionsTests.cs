using Affiliates.Hosting;
using Affiliates.Programs;
using Affiliates.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Affiliates.Sqlite.Tests;

public sealed class SqliteAffiliatesBuilderExtensionsTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task UseSqlite_ReplacesTheInMemoryStoreWithOneOnTheFile()
    {
        var services = new ServiceCollection();
        services.AddAffiliates().UseSqlite(o => o.FilePath = database.FilePath);
        await using ServiceProvider provider = services.BuildServiceProvider();

        IAffiliateStore store = Assert.Single(provider.GetServices<IAffiliateStore>());
        Assert.IsType<SqliteAffiliateStore>(store);
        Assert.NotNull(provider.GetRequiredService<IAffiliateProgram>());
        await using (IAffiliateUnitOfWork unit = await store.BeginAsync())
        {
            unit.SaveRegistry(Samples.Registry());
            await unit.CommitAsync();
        }

        Assert.NotNull(await new SqliteAffiliateStore(database.Options).GetRegistryAsync(Samples.RegistryId));
    }

    [Fact]
    public void UseSqlite_WithoutAFile_ThrowsAtRegistration()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddAffiliates().UseSqlite(_ => { }));
    }
}
