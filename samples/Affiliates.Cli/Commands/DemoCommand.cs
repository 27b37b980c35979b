using Affiliates.Cli.Cli;
using Affiliates.Cli.Demo;
using Affiliates.Settlement;
using Affiliates.Sqlite;
using Microsoft.Data.Sqlite;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

/// <summary><c>affiliates demo</c>: the subscription program end to end on SQLite, printed and checked.</summary>
internal sealed class DemoCommand(Terminal terminal) : AsyncCommand<DemoSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        string folder = settings.Database is null
            ? Directory.CreateTempSubdirectory("affiliates-demo-").FullName
            : Path.GetDirectoryName(Path.GetFullPath(settings.Database))!;
        string database = settings.Database is null ? Path.Combine(folder, "program.db") : Path.GetFullPath(settings.Database);
        bool removeFolder = settings.Database is null && !settings.Keep;
        try
        {
            return await RunAsync(settings, database, removeFolder, cancellationToken);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (removeFolder)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private async Task<int> RunAsync(DemoSettings settings, string database, bool removed, CancellationToken cancellationToken)
    {
        IAnsiConsole console = terminal.Console;
        if (!settings.Json)
        {
            console.MarkupLineInterpolated($"[bold]Subscription revenue share[/]: {settings.Affiliates} partners, {settings.Weeks} weekly epochs, 20 % → 30 % from 50 SOL lifetime (sticky), 0.1 SOL minimum payout");
            console.MarkupLineInterpolated($"SQLite database: [blue]{database}[/]{(removed ? " (removed at exit; --keep keeps it)" : string.Empty)}");
            console.WriteLine();
        }

        DemoRun run = null!;
        DemoRun replay = null!;
        async Task Work(Action partner, Action week, Action replayWeek)
        {
            var demo = new SubscriptionDemo(settings.Affiliates, settings.Weeks) { PartnerReady = partner, WeekSettled = week };
            run = await demo.RunAsync(b => b.UseSqlite(o => o.FilePath = database), shuffle: false, cancellationToken);
            var again = new SubscriptionDemo(settings.Affiliates, settings.Weeks) { WeekSettled = replayWeek };
            replay = await again.RunAsync(static _ => { }, shuffle: true, cancellationToken);
        }

        try
        {
            if (settings.Json || !console.Profile.Capabilities.Interactive)
            {
                await Work(static () => { }, static () => { }, static () => { });
            }
            else
            {
                await console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn()).StartAsync(async progress =>
                {
                    ProgressTask partners = progress.AddTask("partners, clicks, conversions", maxValue: settings.Affiliates);
                    ProgressTask weeks = progress.AddTask("weekly payments, refunds, settlement", maxValue: settings.Weeks);
                    ProgressTask replays = progress.AddTask("replay in another order (in memory)", maxValue: settings.Weeks);
                    await Work(() => partners.Increment(1), () => weeks.Increment(1), () => replays.Increment(1));
                });
            }
        }
        catch (DemoCheckException failed)
        {
            throw CliException.Refused(failed.Message);
        }

        string report = Path.ChangeExtension(database, ".report.json");
        string csv = Path.ChangeExtension(database, ".statements.csv");
        object document = DemoReport.Document(run, replay.Roots, database);
        DemoReport.Write(report, csv, document, run);
        bool identical = run.Roots.SequenceEqual(replay.Roots);
        if (settings.Json)
        {
            terminal.WriteJson(document);
        }
        else
        {
            Render(run, identical, report, csv, removed);
        }

        if (!run.Conserves)
        {
            throw CliException.Refused($"Conservation check failed: {DemoReport.Equation(run)} does not hold.");
        }

        if (!identical)
        {
            throw CliException.Refused("Replay check failed: the same events in another order gave different weekly Merkle roots.");
        }

        return ExitCode.Ok;
    }

    private void Render(DemoRun run, bool identical, string report, string csv, bool removed)
    {
        IAnsiConsole console = terminal.Console;
        console.MarkupLineInterpolated($"{run.Partners} partners created codes with signed requests; {run.Clicks} clicks converted into {run.Conversions} referred users.");
        console.WriteLine();

        var weeks = new Table().Title("Weekly settlement (SOL)").Border(TableBorder.Simple);
        foreach (string column in new[] { "epoch", "billed", "refunds", "commission", "protocol", "payouts", "paid", "carried", "merkle root" })
        {
            weeks.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (DemoWeek w in run.Weeks)
        {
            EpochSettlement s = w.Settlement;
            weeks.AddRow(s.Epoch.Id, Sol(w.Billed), w.Refunds == 0 ? "-" : $"{w.Refunds}: −{Sol(w.Refunded)}", Sol(s.Commissions), Sol(s.Protocol), $"{s.Payouts.Count}", Sol(w.Paid), $"{w.Carried.Count()}", s.MerkleRoot[..8] + "…");
        }

        console.Write(weeks);
        console.MarkupLine("[grey]billed: payments of the week; refunds: count and amount; payouts: partners paid; carried: partners whose balance is carried.[/]");
        if (run.Weeks.Select(w => w.Carried.FirstOrDefault()).FirstOrDefault(s => s is not null) is { } carried)
        {
            console.MarkupLineInterpolated($"[grey]Why payouts alternate: a partner earning under the {Sol(SubscriptionDemo.Terms.MinimumPayout)} SOL minimum in a week is not paid; the balance is carried and paid once it reaches the minimum (e.g. {carried.Partner} in {carried.EpochId}: {DemoReport.Reason(carried)}).[/]");
        }

        foreach (TierChange change in run.TierChanges)
        {
            console.MarkupLineInterpolated($"[green]Tier upgrade[/]: {change.Partner} moved from {change.From} to {change.To} in {change.EpochId} (lifetime referred revenue {Sol(change.LifetimeRevenue)} SOL ≥ 50 SOL), and keeps it.");
        }

        console.WriteLine();
        RenderStatement(run);
        console.WriteLine();

        EpochSettlement last = run.Weeks[^1].Settlement;
        var payouts = new Table().Title($"Payouts of {last.Epoch.Id}{(last.Payouts.Count > 8 ? $" (first 8 of {last.Payouts.Count})" : string.Empty)}").Border(TableBorder.Rounded)
            .AddColumns("payout id", "partner", "payee", "amount SOL", "status");
        foreach (PayoutIntent p in last.Payouts.Take(8))
        {
            payouts.AddRow(p.Id.Length > 20 ? p.Id[..20] + "…" : p.Id, p.Partner, p.PayeeAddress, Sol(p.Amount), p.Status.ToString());
        }

        console.Write(payouts);
        console.MarkupLine("[grey]The intents are stored with stable ids; no payout rail is configured in this demo, so they stay pending.[/]");
        console.WriteLine();

        var board = new Table().Title("Leaderboard: lifetime earnings").Border(TableBorder.Rounded).AddColumns("#", "partner", "earned SOL", "tier");
        foreach (LeaderboardEntry e in Leaderboard.Rank(run.Statements, LeaderboardMetric.Earnings, 5))
        {
            board.AddRow($"{e.Rank}", e.Partner, Sol(Amount.FromUnits(e.Value)), run.Statements.Last(s => s.Partner == e.Partner).Tier);
        }

        console.Write(board);
        console.WriteLine();
        console.MarkupLine($"Conservation: {Markup.Escape(DemoReport.Equation(run))} {(run.Conserves ? "[green]✓ holds to the lamport[/]" : "[red]✗ does not hold[/]")}");
        console.MarkupLine($"Replay: the same events, payments in reverse order, into a fresh in-memory store: {(identical ? $"[green]✓ all {run.Roots.Count} weekly Merkle roots identical[/]" : "[red]✗ different Merkle roots[/]")}");
        console.MarkupLineInterpolated($"Report: {report} and {csv}{(removed ? " (removed with the folder at exit; --keep keeps them)" : string.Empty)}");
    }

    private void RenderStatement(DemoRun run)
    {
        EpochStatement s = run.Showcase;
        var lines = new Table().Title($"Statement of {s.Partner}, epoch {s.EpochId} ({s.Tier})").Border(TableBorder.Rounded)
            .AddColumns("", "event", "time (UTC)", "code", "revenue SOL", "rate", "commission SOL");
        lines.AddRow("carry-in", "", "", "", "", "", Sol(s.CarryIn));
        foreach (StatementLine line in s.Lines)
        {
            lines.AddRow(line.Revenue.IsNegative ? "refund" : "payment", line.EventId, line.OccurredAt.ToString("uuuu-MM-dd HH:mm", null), line.Code, Sol(line.Revenue), line.Rate.ToString(), Sol(line.Commission));
        }

        lines.AddRow("earned", "", "", "", "", "", Sol(s.Earned));
        lines.AddRow("payable", "", "", "", "", "", Sol(s.Payable));
        lines.AddRow("carry-out", "", "", "", "", "", Sol(s.CarryOut));
        lines.Caption($"{DemoReport.Reason(s)}; hash {s.Hash[..16]}…, included under the week's Merkle root");
        terminal.Console.Write(lines);
    }

    private static string Sol(Amount amount) => DemoReport.Sol(amount);
}
