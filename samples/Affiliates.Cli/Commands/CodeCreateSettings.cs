using System.ComponentModel;
using Affiliates.Cli.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

internal sealed class CodeCreateSettings : RegistrySettings
{
    [CommandOption("--code <CODE>")]
    [Description("The partner code (case-insensitive), e.g. AB123.")]
    public string Code { get; init; } = string.Empty;

    [CommandOption("--owner <ADDRESS>")]
    [Description("The partner's wallet: it owns the code and signs the request (Solana or EVM address).")]
    public string Owner { get; init; } = string.Empty;

    [CommandOption("--payment <ADDRESS>")]
    [Description("Where the partner is paid (default: the owner).")]
    public string? Payment { get; init; }

    [CommandOption("--channel <NAME>")]
    [Description("The owner's label for where the code is used (one code per channel).")]
    public string Channel { get; init; } = string.Empty;

    [CommandOption("--kickback <RATE>")]
    [Description("Share of the referral fee passed to referred users, within the terms' range (default 0%).")]
    public string Kickback { get; init; } = "0%";

    [CommandOption("--affiliate-fee <RATE>")]
    [Description("Fee charged on top of the notional, within the terms' range (default 0%).")]
    public string AffiliateFee { get; init; } = "0%";

    [CommandOption("--nonce <NONCE>")]
    [Description("The request's one-time nonce (--print-message makes one).")]
    public string? Nonce { get; init; }

    [CommandOption("--expires <TIME>")]
    [Description("When the request expires, UTC (--print-message picks now + 1 hour).")]
    public string? Expires { get; init; }

    [CommandOption("--signature <SIGNATURE>")]
    [Description("The owner wallet's signature of the message (Solana signMessage Base58/Base64, or EVM personal_sign hex).")]
    public string? Signature { get; init; }

    [CommandOption("--print-message")]
    [Description("Print the exact text the owner's wallet must sign, and change nothing.")]
    public bool PrintMessage { get; init; }

    public override ValidationResult Validate()
    {
        string? missing = (Code, Owner) switch
        {
            ({ Length: 0 }, _) => "--code",
            (_, { Length: 0 }) => "--owner",
            _ => null,
        };
        if (missing is not null)
        {
            return ValidationResult.Error($"{missing} is required.");
        }

        if (!PrintMessage && (Nonce is null || Expires is null || Signature is null))
        {
            return ValidationResult.Error("--nonce, --expires and --signature are required to create a code; run with --print-message first to get the text to sign.");
        }

        return base.Validate();
    }
}
