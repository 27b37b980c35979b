using Affiliates.Cli.Cli;
using Affiliates.Programs;
using Affiliates.Settlement;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

/// <summary><c>affiliates statements</c>: an epoch's statements, or one partner's with its lines.</summary>
internal sealed class StatementsCommand(Terminal terminal) : AsyncCommand<StatementsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StatementsSettings settings, CancellationToken cancellationToken)
    {
        await using ProgramHost host = ProgramHost.Open(settings, terminal.Clock);
        Registry registry = await host.RegistryAsync(settings.Registry, cancellationToken);
        ProgramTerms terms = await host.TermsAsync(registry, cancellationToken);
        IReadOnlyList<EpochStatement> statements = await LoadAsync(host, settings, terms, terminal, cancellationToken);
        if (settings.Partner is { } partner)
        {
            statements = [.. statements.Where(s => s.Partner == partner)];
            if (statements.Count == 0)
            {
                throw CliException.Usage($"--partner '{partner}' has no statement {(settings.Epoch is null ? "yet" : $"in epoch {settings.Epoch}")}.");
            }
        }

        Asset asset = terms.PayoutAsset;
        if (settings.Json)
        {
            terminal.WriteJson(statements.Select(s => StatementView.Of(s, asset, terms.MinimumPayout, lines: settings.Partner is not null)));
            return ExitCode.Ok;
        }

        if (settings.Partner is not null)
        {
            foreach (EpochStatement s in statements)
            {
                StatementView.Render(terminal.Console, s, asset, terms.MinimumPayout);
            }

            return ExitCode.Ok;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("epoch", "partner", "tier", "lines", $"carry-in {asset.Symbol}", $"earned {asset.Symbol}", $"payable {asset.Symbol}", $"carry-out {asset.Symbol}", "why");
        foreach (EpochStatement s in statements)
        {
            table.AddRow(Markup.Escape(s.EpochId), Markup.Escape(s.Partner), Markup.Escape(s.Tier), $"{s.Lines.Count}", asset.Format(s.CarryIn), asset.Format(s.Earned), asset.Format(s.Payable), asset.Format(s.CarryOut), Markup.Escape(StatementView.Reason(s, asset, terms.MinimumPayout)));
        }

        terminal.Console.Write(table);
        return ExitCode.Ok;
    }

    /// <summary>The statements of <c>--epoch</c>, or each partner's latest when it is not given.</summary>
    internal static async Task<IReadOnlyList<EpochStatement>> LoadAsync(ProgramHost host, StatementsSettings settings, ProgramTerms terms, Terminal terminal, CancellationToken cancellationToken)
    {
        if (settings.Epoch is null)
        {
            return await host.Store.ListLatestStatementsAsync(settings.Registry, terminal.Clock.GetCurrentInstant(), cancellationToken);
        }

        string epochId = EpochId(settings.Epoch, terms);
        if (!await host.Store.IsEpochSettledAsync(settings.Registry, epochId, cancellationToken))
        {
            throw CliException.Usage($"--epoch '{settings.Epoch}': epoch {epochId} is not settled; 'affiliates settle' settles it once it has ended.");
        }

        return await host.Store.ListStatementsAsync(settings.Registry, epochId, cancellationToken);
    }

    private static string EpochId(string text, ProgramTerms terms)
    {
        bool looksLikeTime = text.Contains('T', StringComparison.Ordinal) || (text.Length == 10 && text[4] == '-' && text[7] == '-');
        return looksLikeTime ? SettleCommand.CalendarOf(terms.Epochs).EpochContaining(CliValues.Instant(text, "--epoch")).Id : text;
    }
}
