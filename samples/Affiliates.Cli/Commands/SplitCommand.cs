using Affiliates.Cli.Cli;
using Affiliates.Fees;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

/// <summary><c>affiliates split</c>: the fee-share split of one fee, exactly as the engine books it.</summary>
internal sealed class SplitCommand(Terminal terminal) : Command<SplitSettings>
{
    public override int Execute(CommandContext context, SplitSettings settings, CancellationToken cancellationToken)
    {
        var asset = new Asset(Chains.OffChain, "units", settings.Decimals);
        Amount fee = CliValues.Amount(settings.Fee, asset, "--fee");
        Rate referral = CliValues.Rate(settings.ReferralFee, "--referral-fee");
        Rate kickback = CliValues.Rate(settings.Kickback, "--kickback");
        Multiplier multiplier;
        try
        {
            multiplier = Affiliates.Multiplier.Parse(settings.Multiplier);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw CliException.Usage($"--multiplier must be a multiplier such as 1.5, not '{settings.Multiplier}'.");
        }

        ReferralFeeSplit split = ReferralFeeSplit.Compute(fee, referral, multiplier, kickback);
        if (settings.Json)
        {
            terminal.WriteJson(new
            {
                fee = asset.Format(split.Fee),
                protocol = asset.Format(split.Protocol),
                partner = asset.Format(split.Partner),
                user = asset.Format(split.User),
                effectiveRate = split.EffectiveRate.ToString(),
                split.MultiplierCapped,
            });
            return ExitCode.Ok;
        }

        terminal.Console.MarkupLineInterpolated($"Fee {asset.Format(fee)} at a {referral} referral fee × {multiplier}, kickback {kickback}:");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("party", "amount");
        table.AddRow("protocol", asset.Format(split.Protocol));
        table.AddRow("partner", asset.Format(split.Partner));
        table.AddRow("user (kickback)", asset.Format(split.User));
        terminal.Console.Write(table);
        terminal.Console.MarkupLineInterpolated($"Effective referral rate {split.EffectiveRate}{(split.MultiplierCapped ? " (capped at 100 %)" : string.Empty)}; the parts sum to the fee exactly, and rounding units go to the protocol.");
        return ExitCode.Ok;
    }
}
