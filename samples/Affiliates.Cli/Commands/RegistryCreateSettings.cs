using System.ComponentModel;
using Affiliates.Cli.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

internal sealed class RegistryCreateSettings : DatabaseSettings
{
    [CommandOption("--terms <FILE>")]
    [Description("The registry and its first terms, as JSON (see samples/terms/*.json).")]
    public string Terms { get; init; } = string.Empty;

    public override ValidationResult Validate() =>
        Terms.Length == 0 ? ValidationResult.Error("--terms is required (a JSON terms file).") : base.Validate();
}
