using Npgsql;

namespace Affiliates.PostgreSql.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlMigrationsTests(PostgreSqlServer server) : IAsyncLifetime
{
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await server.CreateSchemaAsync();

    public Task DisposeAsync() => server.DropSchemaAsync(connectionString);

    [Fact]
    public async Task Apply_TwiceAndConcurrently_RecordsEachMigrationOnce()
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgreSqlMigrations.ApplyAsync(dataSource, default)));
        await PostgreSqlMigrations.ApplyAsync(dataSource, default);

        await using var command = dataSource.CreateCommand("SELECT version FROM schema_migrations ORDER BY version");
        var versions = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        Assert.Equal(PostgreSqlMigrations.All.Select(m => m.Version), versions);
        Assert.Equal(1, versions[0]);
    }
}
