using System.ComponentModel;
using Affiliates.Cli.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

internal sealed class LinkSettings : RegistrySettings
{
    [CommandOption("--user <ADDRESS>")]
    [Description("The referred user's address.")]
    public string User { get; init; } = string.Empty;

    [CommandOption("--code <CODE>")]
    [Description("The code the user gave.")]
    public string? Code { get; init; }

    [CommandOption("--token <TOKEN>")]
    [Description("The attribution token of the user's click.")]
    public string? Token { get; init; }

    [CommandOption("--remove")]
    [Description("Remove the user's link instead (where the registry's policy allows it).")]
    public bool Remove { get; init; }

    public override ValidationResult Validate()
    {
        if (User.Length == 0)
        {
            return ValidationResult.Error("--user is required.");
        }

        if (Remove == (Code is not null || Token is not null))
        {
            return ValidationResult.Error(Remove ? "--remove takes no --code or --token." : "Give --code or --token (or --remove).");
        }

        return base.Validate();
    }
}
