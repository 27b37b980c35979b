using System.ComponentModel;
using Affiliates.Cli.Cli;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

internal class StatementsSettings : RegistrySettings
{
    [CommandOption("--epoch <EPOCH>")]
    [Description("The epoch: its id (e.g. 2026-11-01W, 2026-11) or a UTC time inside it. Default: each partner's latest statement.")]
    public string? Epoch { get; init; }

    [CommandOption("--partner <PARTNER>")]
    [Description("Only this partner's statement, with its lines.")]
    public string? Partner { get; init; }
}
