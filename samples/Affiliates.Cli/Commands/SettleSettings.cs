using System.ComponentModel;
using Affiliates.Cli.Cli;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

internal sealed class SettleSettings : RegistrySettings
{
    [CommandOption("--epoch <TIME>")]
    [Description("Settle only the epoch containing this UTC time. Default: every ended epoch not settled yet, oldest first.")]
    public string? Epoch { get; init; }
}
