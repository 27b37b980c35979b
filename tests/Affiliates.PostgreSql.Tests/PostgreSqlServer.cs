using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Affiliates.PostgreSql.Tests;

/// <summary>One PostgreSQL server for the whole test run: the one named by AFFILIATES_PG_CONNECTION, or else a
/// throwaway cluster started here the way .ci/postgres.sh does. Hands every test its own fresh schema.</summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    public const string ConnectionVariable = "AFFILIATES_PG_CONNECTION";

    private readonly List<string> schemas = [];
    private string? clusterDirectory;

    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionVariable);
        AdminConnectionString = string.IsNullOrWhiteSpace(external) ? await StartClusterAsync() : external;
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"Cannot connect to PostgreSQL with '{AdminConnectionString}' ({(external is null ? "self-started cluster" : ConnectionVariable)}): {e.Message}",
                e);
        }
    }

    /// <summary>Creates an empty schema and returns a connection string whose search path is that schema, so a
    /// store using it sees only its own tables.</summary>
    public async Task<string> CreateSchemaAsync()
    {
        string name = "affiliates_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAdminAsync($"CREATE SCHEMA {name}");
        lock (schemas)
        {
            schemas.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { SearchPath = name }.ConnectionString;
    }

    /// <summary>Drops a schema made by <see cref="CreateSchemaAsync"/> with everything in it.</summary>
    public async Task DropSchemaAsync(string connectionString)
    {
        string name = new NpgsqlConnectionStringBuilder(connectionString).SearchPath!;
        await ExecuteAdminAsync($"DROP SCHEMA IF EXISTS {name} CASCADE");
        lock (schemas)
        {
            schemas.Remove(name);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (string name in schemas.ToList())
        {
            await ExecuteAdminAsync($"DROP SCHEMA IF EXISTS {name} CASCADE");
        }

        if (clusterDirectory is not null)
        {
            await RunAsync(PgBin("pg_ctl"), "-D", Path.Combine(clusterDirectory, "data"), "-m", "fast", "-w", "stop");
            Directory.Delete(clusterDirectory, recursive: true);
        }
    }

    private async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> StartClusterAsync()
    {
        if (!File.Exists(PgBin("initdb")))
        {
            throw new InvalidOperationException(
                $"No PostgreSQL for the tests: set {ConnectionVariable} (eval \"$(bash .ci/postgres.sh start)\") " +
                $"or install PostgreSQL 15 so that {PgBin("initdb")} exists (or set AFFILIATES_PG_BIN).");
        }

        clusterDirectory = Directory.CreateTempSubdirectory("affiliates-pg.").FullName;
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", "postgres", clusterDirectory);
        }

        var data = Path.Combine(clusterDirectory, "data");
        await RunAsync(PgBin("initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        var port = FreePort();
        await RunAsync(
            PgBin("pg_ctl"),
            "-D",
            data,
            "-l",
            Path.Combine(clusterDirectory, "server.log"),
            "-w",
            "-o",
            $"-k {clusterDirectory} -c listen_addresses=127.0.0.1 -p {port} -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "start");
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static string PgBin(string tool) =>
        Path.Combine(Environment.GetEnvironmentVariable("AFFILIATES_PG_BIN") ?? "/usr/lib/postgresql/15/bin", tool);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // initdb and pg_ctl refuse to run as root, so a root test run delegates them to the postgres user.
    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Environment.IsPrivilegedProcess && file != "chown")
        {
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = file;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {await output}{await error}");
        }
    }
}
