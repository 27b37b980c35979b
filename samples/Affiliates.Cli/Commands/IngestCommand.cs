using System.Text;
using System.Text.Json;
using Affiliates.Cli.Cli;
using Affiliates.Cli.Files;
using Affiliates.Hosting;
using Affiliates.Ledger;
using Affiliates.Programs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

/// <summary><c>affiliates ingest</c>: revenue events from a file, idempotently by id, with a result per event.</summary>
internal sealed class IngestCommand(Terminal terminal) : AsyncCommand<IngestSettings>
{
    private static readonly int BatchSize = new AffiliatesOptions().MaxEventsPerBatch;

    public override async Task<int> ExecuteAsync(CommandContext context, IngestSettings settings, CancellationToken cancellationToken)
    {
        string resultsPath = settings.Results ?? settings.Events + ".results.csv";
        await using ProgramHost host = ProgramHost.Open(settings, terminal.Clock);
        Registry registry = await host.RegistryAsync(settings.Registry, cancellationToken);
        ProgramTerms terms = await host.TermsAsync(registry, cancellationToken);
        IReadOnlyList<EventsFile.Row> rows = EventsFile.Read(settings.Events, registry.Id, terms.PayoutAsset);
        CheckWritable(resultsPath);

        var results = new List<IngestResult>(rows.Count);
        async Task Ingest(Action<int> advance)
        {
            foreach (EventsFile.Row[] batch in rows.Chunk(BatchSize))
            {
                results.AddRange(await host.Program.IngestAsync([.. batch.Select(static r => r.Event)], cancellationToken));
                advance(batch.Length);
            }
        }

        if (settings.Json || !terminal.Console.Profile.Capabilities.Interactive)
        {
            await Ingest(static _ => { });
        }
        else
        {
            await terminal.Console.Progress().StartAsync(async progress =>
            {
                ProgressTask task = progress.AddTask($"ingesting {rows.Count} events", maxValue: Math.Max(rows.Count, 1));
                await Ingest(n => task.Increment(n));
            });
        }

        WriteResults(resultsPath, rows, results);
        var counts = results.GroupBy(static r => r.Status).OrderBy(static g => g.Key).ToDictionary(static g => JsonNamingPolicy.CamelCase.ConvertName(g.Key.ToString()), static g => g.Count());
        int refused = results.Count(static r => r.Status is not (IngestStatus.Recorded or IngestStatus.Duplicate));
        if (settings.Json)
        {
            terminal.WriteJson(new { events = rows.Count, statuses = counts, refused, results = resultsPath });
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("status", "events");
            foreach ((string status, int count) in counts)
            {
                table.AddRow(status, $"{count}");
            }

            terminal.Console.Write(table);
            terminal.Console.MarkupLineInterpolated($"One result per event in {resultsPath}.");
        }

        return refused == 0 ? ExitCode.Ok : throw CliException.Refused($"{refused} of {rows.Count} events were refused; {resultsPath} says why for each.");
    }

    private static void CheckWritable(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!Directory.Exists(folder) || Directory.Exists(path))
        {
            throw CliException.Usage($"--results '{path}' cannot be written: {(Directory.Exists(path) ? "it is a folder" : $"the folder '{folder}' does not exist")}.");
        }
    }

    private static void WriteResults(string path, IReadOnlyList<EventsFile.Row> rows, List<IngestResult> results)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            File.WriteAllText(path, JsonSerializer.Serialize(rows.Zip(results, static (row, r) => new { row.Line, r.EventId, r.Status, r.Outcome, r.Detail }), Terminal.JsonOptions));
            return;
        }

        var csv = new StringBuilder("line,id,status,outcome,detail\n");
        foreach ((EventsFile.Row row, IngestResult r) in rows.Zip(results))
        {
            csv.Append(CliValues.Invariant($"{row.Line},{Quote(r.EventId)},{r.Status},{r.Outcome},{Quote(r.Detail)}\n"));
        }

        File.WriteAllText(path, csv.ToString());
    }

    private static string Quote(string text) => text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
