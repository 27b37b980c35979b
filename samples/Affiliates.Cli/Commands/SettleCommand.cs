using Affiliates.Cli.Cli;
using Affiliates.Programs;
using Affiliates.Settlement;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

/// <summary><c>affiliates settle</c>: what an operator runs every week (or month): settle the ended epochs, in order.</summary>
internal sealed class SettleCommand(Terminal terminal) : AsyncCommand<SettleSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SettleSettings settings, CancellationToken cancellationToken)
    {
        await using ProgramHost host = ProgramHost.Open(settings, terminal.Clock);
        Registry registry = await host.RegistryAsync(settings.Registry, cancellationToken);
        ProgramTerms terms = await host.TermsAsync(registry, cancellationToken);
        EpochCalendar calendar = CalendarOf(terms.Epochs);
        Instant now = terminal.Clock.GetCurrentInstant();
        List<Epoch> epochs = settings.Epoch is { } at
            ? [calendar.EpochContaining(CliValues.Instant(at, "--epoch"))]
            : [.. Ended(calendar, registry.CreatedAt, now)];

        var settled = new List<SettlementResult>();
        int before = 0;
        foreach (Epoch epoch in epochs)
        {
            if (settings.Epoch is null && await host.Store.IsEpochSettledAsync(registry.Id, epoch.Id, cancellationToken))
            {
                before++;
                continue;
            }

            SettlementResult result = await host.Program.SettleEpochAsync(registry.Id, epoch.Start, cancellationToken);
            if (result.Outcome is not (SettlementOutcome.Settled or SettlementOutcome.AlreadySettled))
            {
                Report(settings, terms, settled, before);
                throw CliException.Refused($"Epoch {epoch.Id} was not settled: {Why(result, epoch)}.");
            }

            settled.Add(result);
        }

        Report(settings, terms, settled, before);
        return ExitCode.Ok;
    }

    internal static EpochCalendar CalendarOf(EpochCadence cadence) => cadence == EpochCadence.Monthly ? EpochCalendar.Monthly() : EpochCalendar.Weekly();

    private static IEnumerable<Epoch> Ended(EpochCalendar calendar, Instant from, Instant now)
    {
        for (Epoch epoch = calendar.EpochContaining(from); epoch.End <= now; epoch = calendar.Next(epoch))
        {
            yield return epoch;
        }
    }

    private static string Why(SettlementResult result, Epoch epoch) => result.Outcome switch
    {
        SettlementOutcome.EpochNotEnded => $"it ends at {CliValues.Format(epoch.End)}",
        _ => result.Outcome.ToString(),
    };

    private void Report(SettleSettings settings, ProgramTerms terms, List<SettlementResult> settled, int before)
    {
        Asset asset = terms.PayoutAsset;
        if (settings.Json)
        {
            terminal.WriteJson(new
            {
                settledBefore = before,
                epochs = settled.Select(r => new
                {
                    epoch = r.Epoch!.Id,
                    outcome = r.Outcome,
                    statements = r.Statements.Count,
                    revenue = asset.Format(Sum(r.Statements, static s => s.Revenue)),
                    commissions = asset.Format(Sum(r.Statements, static s => s.Earned)),
                    payable = asset.Format(Sum(r.Statements, static s => s.Payable)),
                    payouts = r.Settlement?.Payouts.Count,
                    merkleRoot = r.Settlement?.MerkleRoot ?? MerkleTree.Root([.. r.Statements.Select(static s => s.Hash)]),
                }),
            });
            return;
        }

        if (settled.Count == 0)
        {
            terminal.Console.MarkupLineInterpolated($"Nothing to settle: {before} ended epochs were settled before; the current one has not ended.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("epoch", "outcome", "statements", $"revenue {asset.Symbol}", $"commission {asset.Symbol}", $"payable {asset.Symbol}", "payouts", "merkle root");
        foreach (SettlementResult r in settled)
        {
            table.AddRow(r.Epoch!.Id, r.Outcome.ToString(), $"{r.Statements.Count}", asset.Format(Sum(r.Statements, static s => s.Revenue)), asset.Format(Sum(r.Statements, static s => s.Earned)), asset.Format(Sum(r.Statements, static s => s.Payable)), r.Settlement is { } s ? $"{s.Payouts.Count}" : "-", MerkleTree.Root([.. r.Statements.Select(static s => s.Hash)]));
        }

        terminal.Console.Write(table);
        if (before > 0)
        {
            terminal.Console.MarkupLineInterpolated($"{before} earlier epochs were settled before.");
        }
    }

    private static Amount Sum(IEnumerable<EpochStatement> statements, Func<EpochStatement, Amount> part) =>
        statements.Aggregate(Amount.Zero, (sum, s) => sum + part(s));
}
