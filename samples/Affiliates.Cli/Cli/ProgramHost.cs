using System.Data.Common;
using System.Security.Cryptography;
using Affiliates.Evm;
using Affiliates.Hosting;
using Affiliates.PostgreSql;
using Affiliates.Programs;
using Affiliates.Solana;
using Affiliates.Sqlite;
using Affiliates.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Affiliates.Cli.Cli;

/// <summary>The engine on the database a command names, with the Solana and EVM wallet signature verifiers.</summary>
internal sealed class ProgramHost : IAsyncDisposable
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();
    private readonly ServiceProvider provider;

    private ProgramHost(ServiceProvider provider)
    {
        this.provider = provider;
        Program = provider.GetRequiredService<IAffiliateProgram>();
        Store = provider.GetRequiredService<IAffiliateStore>();
    }

    public IAffiliateProgram Program { get; }

    public IAffiliateStore Store { get; }

    /// <summary>Gets a description of the database for messages: the file or "the PostgreSQL database".</summary>
    public required string Where { get; init; }

    /// <summary>Opens the database; only <paramref name="create"/> lets a missing SQLite file be created.</summary>
    /// <exception cref="CliException">The file is missing, not an SQLite database, or the connection string is malformed.</exception>
    public static ProgramHost Open(DatabaseSettings settings, IClock clock, bool create = false)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        IAffiliatesBuilder builder = services.AddAffiliates(o => o.IpHashSalt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        string where;
        if (settings.Postgres is { } connection)
        {
            try
            {
                _ = new DbConnectionStringBuilder { ConnectionString = connection };
            }
            catch (ArgumentException)
            {
                throw CliException.Usage("--postgres is not a valid connection string.");
            }

            builder.UsePostgreSql(o => o.ConnectionString = connection);
            where = "the PostgreSQL database";
        }
        else
        {
            string path = CheckSqliteFile(settings.Database ?? DatabaseSettings.DefaultDatabase, create);
            builder.UseSqlite(o => o.FilePath = path);
            where = $"--db '{settings.Database ?? DatabaseSettings.DefaultDatabase}'";
        }

        builder.AddSolana().AddEvm(o => o.ChainId = settings.EvmChainId);
        return new ProgramHost(services.BuildServiceProvider()) { Where = where };
    }

    public async Task<Registry> RegistryAsync(string id, CancellationToken cancellationToken) =>
        await Store.GetRegistryAsync(id, cancellationToken) ?? throw CliException.Usage($"--registry '{id}' does not exist in {Where}.");

    public async Task<ProgramTerms> TermsAsync(Registry registry, CancellationToken cancellationToken) =>
        await Store.GetTermsAsync(registry.Id, registry.TermsVersion, cancellationToken)
        ?? throw CliException.Refused($"Registry '{registry.Id}' has no terms version {registry.TermsVersion} in {Where}.");

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private static string CheckSqliteFile(string given, bool create)
    {
        string path;
        try
        {
            path = Path.GetFullPath(given);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw CliException.Usage($"--db '{given}' is not a valid path.");
        }

        if (Directory.Exists(path))
        {
            throw CliException.Usage($"--db '{given}' is a folder, not a database file.");
        }

        if (!File.Exists(path))
        {
            if (!create)
            {
                throw CliException.Usage($"--db '{given}' does not exist; 'affiliates registry create' creates it.");
            }

            if (!Directory.Exists(Path.GetDirectoryName(path)))
            {
                throw CliException.Usage($"--db '{given}': the folder '{Path.GetDirectoryName(path)}' does not exist.");
            }

            return path;
        }

        byte[] header = new byte[SqliteHeader.Length];
        int read;
        try
        {
            using FileStream file = File.OpenRead(path);
            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Usage($"--db '{given}' cannot be read: {e.Message}");
        }

        if (read > 0 && (read < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader)))
        {
            throw CliException.Usage($"--db '{given}' is not an SQLite database.");
        }

        return path;
    }
}
