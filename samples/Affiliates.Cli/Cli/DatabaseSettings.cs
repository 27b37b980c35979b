using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Cli;

/// <summary>What every command that runs a real program accepts: where its database is, and which registry.</summary>
internal class DatabaseSettings : CliSettings
{
    /// <summary>The SQLite file used when neither <c>--db</c> nor <c>--postgres</c> is given.</summary>
    public const string DefaultDatabase = "affiliates.db";

    [CommandOption("--db <PATH>")]
    [Description("The program's SQLite database file (default affiliates.db).")]
    public string? Database { get; init; }

    [CommandOption("--postgres <CONNECTION>")]
    [Description("A PostgreSQL connection string, instead of --db (e.g. \"Host=127.0.0.1;Username=app;Database=affiliates\").")]
    public string? Postgres { get; init; }

    [CommandOption("--evm-chain-id <ID>")]
    [Description("The EVM chain id that EIP-712 signatures name (default 1).")]
    [DefaultValue(1L)]
    public long EvmChainId { get; init; } = 1;

    public override ValidationResult Validate()
    {
        if (Database is not null && Postgres is not null)
        {
            return ValidationResult.Error("Give --db or --postgres, not both.");
        }

        if (Postgres is { Length: 0 })
        {
            return ValidationResult.Error("--postgres needs a connection string.");
        }

        return EvmChainId < 1 ? ValidationResult.Error($"--evm-chain-id must be at least 1, not {EvmChainId}.") : ValidationResult.Success();
    }
}
