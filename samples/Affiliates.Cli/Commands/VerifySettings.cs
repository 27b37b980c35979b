using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

internal sealed class VerifySettings : StatementsSettings
{
    [CommandOption("--root <HEX>")]
    [Description("A published Merkle root to check the epoch's statements against.")]
    public string? Root { get; init; }

    public override ValidationResult Validate() =>
        Epoch is null ? ValidationResult.Error("--epoch is required: a Merkle root covers one epoch.") : base.Validate();
}
