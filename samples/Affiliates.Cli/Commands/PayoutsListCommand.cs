using Affiliates.Cli.Cli;
using Affiliates.Programs;
using Affiliates.Settlement;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

/// <summary><c>affiliates payouts list</c>: the registry's payout intents, with their stable ids and status.</summary>
internal sealed class PayoutsListCommand(Terminal terminal) : AsyncCommand<PayoutsListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PayoutsListSettings settings, CancellationToken cancellationToken)
    {
        await using ProgramHost host = ProgramHost.Open(settings, terminal.Clock);
        Registry registry = await host.RegistryAsync(settings.Registry, cancellationToken);
        var payouts = new List<PayoutIntent>();
        foreach (PayoutStatus status in settings.Status is { } only ? [only] : Enum.GetValues<PayoutStatus>())
        {
            payouts.AddRange(await host.Store.ListPayoutsAsync(registry.Id, status, cancellationToken));
        }

        payouts.Sort(static (a, b) => string.CompareOrdinal(a.EpochId, b.EpochId) is not 0 and int c ? c : string.CompareOrdinal(a.Id, b.Id));
        if (settings.Json)
        {
            terminal.WriteJson(payouts.Select(p => new { p.Id, epoch = p.EpochId, p.Partner, payee = p.PayeeAddress, asset = p.Asset.ToString(), amount = p.Asset.Format(p.Amount), p.Status, updatedAt = CliValues.Format(p.UpdatedAt), transaction = p.TransactionId }));
            return ExitCode.Ok;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("payout id", "epoch", "partner", "payee", "amount", "status", "transaction");
        foreach (PayoutIntent p in payouts)
        {
            table.AddRow(Markup.Escape(p.Id), Markup.Escape(p.EpochId), Markup.Escape(p.Partner), Markup.Escape(p.PayeeAddress), Markup.Escape($"{p.Asset.Format(p.Amount)} {p.Asset.Symbol}"), p.Status.ToString(), Markup.Escape(p.TransactionId ?? "-"));
        }

        terminal.Console.Write(table);
        terminal.Console.MarkupLineInterpolated($"{payouts.Count} payouts.");
        return ExitCode.Ok;
    }
}
