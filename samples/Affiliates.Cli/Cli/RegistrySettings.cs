using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Cli;

/// <summary>A database and one registry in it.</summary>
internal class RegistrySettings : DatabaseSettings
{
    [CommandOption("-r|--registry <ID>")]
    [Description("The registry (program) id.")]
    public string Registry { get; init; } = string.Empty;

    public override ValidationResult Validate() =>
        Registry.Length == 0 ? ValidationResult.Error("--registry is required (the program's id).") : base.Validate();
}
