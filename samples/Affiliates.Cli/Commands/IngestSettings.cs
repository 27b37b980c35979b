using System.ComponentModel;
using Affiliates.Cli.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

internal sealed class IngestSettings : RegistrySettings
{
    [CommandOption("--events <FILE>")]
    [Description("The events, as CSV (header: id,kind,occurred_at,user,amount[,notional,pair,code,vault,refund_of]) or a JSON array.")]
    public string Events { get; init; } = string.Empty;

    [CommandOption("--results <FILE>")]
    [Description("Where to write one result per event (CSV, or JSON when the name ends in .json). Default: <events>.results.csv.")]
    public string? Results { get; init; }

    public override ValidationResult Validate() =>
        Events.Length == 0 ? ValidationResult.Error("--events is required (a CSV or JSON file).") : base.Validate();
}
