using System.ComponentModel;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Cli;

/// <summary>What every command accepts.</summary>
internal class CliSettings : CommandSettings
{
    [CommandOption("--json")]
    [Description("Write one JSON document to standard output instead of tables (errors too, as {\"error\": ...}).")]
    public bool Json { get; init; }
}
