using System.ComponentModel;
using Affiliates.Cli.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

internal sealed class SplitSettings : CliSettings
{
    [CommandOption("--fee <AMOUNT>")]
    [Description("The protocol fee to split (decimal text, see --decimals).")]
    public string Fee { get; init; } = string.Empty;

    [CommandOption("--referral-fee <RATE>")]
    [Description("The partner's share of the fee before the multiplier, e.g. 5%.")]
    public string ReferralFee { get; init; } = string.Empty;

    [CommandOption("--multiplier <X>")]
    [Description("The multiplier from the code's tier ladder, e.g. 1.5 (default 1).")]
    public string Multiplier { get; init; } = "1";

    [CommandOption("--kickback <RATE>")]
    [Description("The share of the referral fee passed back to the user, e.g. 20% (default 0%).")]
    public string Kickback { get; init; } = "0%";

    [CommandOption("--decimals <N>")]
    [Description("Decimals of the asset the fee is in (default 0: the fee is in base units).")]
    [DefaultValue(0)]
    public int Decimals { get; init; }

    public override ValidationResult Validate() => (Fee, ReferralFee, Decimals) switch
    {
        ({ Length: 0 }, _, _) => ValidationResult.Error("--fee is required."),
        (_, { Length: 0 }, _) => ValidationResult.Error("--referral-fee is required."),
        (_, _, < 0 or > 30) => ValidationResult.Error($"--decimals must be from 0 to 30, not {Decimals}."),
        _ => ValidationResult.Success(),
    };
}
