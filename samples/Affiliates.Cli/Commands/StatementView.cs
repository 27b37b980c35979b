using Affiliates.Cli.Cli;
using Affiliates.Settlement;
using Spectre.Console;

namespace Affiliates.Cli.Commands;

/// <summary>How a statement is shown: its lines, carry-in, carry-out and why its balance was paid or carried.</summary>
internal static class StatementView
{
    public static string Reason(EpochStatement s, Asset asset, Amount minimum) => s switch
    {
        { DustSwept.IsPositive: true } => $"swept to the protocol as dust after {s.IdleEpochs} idle epochs",
        { Payable.IsPositive: true } => "paid",
        { CarryOut.IsNegative: true } => "carried: refunds exceeded earnings; taken from future earnings",
        { CarryOut.IsPositive: true } => $"carried: below the {asset.Format(minimum)} {asset.Symbol} minimum payout",
        _ => "nothing to pay",
    };

    public static object Of(EpochStatement s, Asset asset, Amount minimum, bool lines) => new
    {
        epoch = s.EpochId,
        s.Partner,
        s.Tier,
        lifetimeRevenue = asset.Format(s.LifetimeRevenue),
        revenue = asset.Format(s.Revenue),
        carryIn = asset.Format(s.CarryIn),
        earned = asset.Format(s.Earned),
        payable = asset.Format(s.Payable),
        carryOut = asset.Format(s.CarryOut),
        dustSwept = asset.Format(s.DustSwept),
        reason = Reason(s, asset, minimum),
        s.Hash,
        lineCount = s.Lines.Count,
        lines = lines
            ? s.Lines.Select(l => new { l.EventId, l.Sequence, occurredAt = CliValues.Format(l.OccurredAt), l.Code, revenue = asset.Format(l.Revenue), rate = l.Rate.ToString(), commission = asset.Format(l.Commission) })
            : null,
    };

    public static void Render(IAnsiConsole console, EpochStatement s, Asset asset, Amount minimum)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{s.Partner}, epoch {s.EpochId}{(s.Tier.Length > 0 ? $" ({s.Tier})" : string.Empty)}"))
            .AddColumns("", "event", "time (UTC)", "code", $"revenue {asset.Symbol}", "rate", $"commission {asset.Symbol}");
        table.AddRow("carry-in", "", "", "", "", "", asset.Format(s.CarryIn));
        foreach (StatementLine line in s.Lines)
        {
            table.AddRow(line.Revenue.IsNegative ? "clawback" : "line", Markup.Escape(line.EventId), CliValues.Format(line.OccurredAt), Markup.Escape(line.Code), asset.Format(line.Revenue), line.Rate.ToString(), asset.Format(line.Commission));
        }

        table.AddRow("earned", "", "", "", asset.Format(s.Revenue), "", asset.Format(s.Earned));
        table.AddRow("payable", "", "", "", "", "", asset.Format(s.Payable));
        table.AddRow("carry-out", "", "", "", "", "", asset.Format(s.CarryOut));
        console.Write(table);
        console.MarkupLineInterpolated($"{Reason(s, asset, minimum)}; statement hash {s.Hash}");
    }
}
