using System.ComponentModel;
using Affiliates.Cli.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

internal sealed class PoolDistributeSettings : CliSettings
{
    [CommandOption("--trades <FILE>")]
    [Description("The epoch's trades, CSV with header id,trader,referrer,time,sell,buy,volume_usd (referrer empty when not referred).")]
    public string Trades { get; init; } = string.Empty;

    [CommandOption("--tokens <LIST>")]
    [Description("Comma-separated tokens on the program's list; a trade counts only when both its tokens are listed.")]
    public string Tokens { get; init; } = string.Empty;

    [CommandOption("--stables <LIST>")]
    [Description("Comma-separated stable tokens; stable-to-stable volume counts x0.1.")]
    public string Stables { get; init; } = string.Empty;

    [CommandOption("--cap <RATE>")]
    [Description("The most one participant may take of the pool (default 20%).")]
    public string Cap { get; init; } = "20%";

    [CommandOption("--out <PREFIX>")]
    [Description("Also write the distribution to PREFIX.json and PREFIX.csv.")]
    public string? Out { get; init; }

    public override ValidationResult Validate() => (Trades, Tokens) switch
    {
        ({ Length: 0 }, _) => ValidationResult.Error("--trades is required (a CSV file)."),
        (_, { Length: 0 }) => ValidationResult.Error("--tokens is required (the program's token list, comma-separated)."),
        _ => ValidationResult.Success(),
    };
}
