using System.Text.Json;
using Affiliates.Cli.Cli;
using Affiliates.Ledger;
using NodaTime;

namespace Affiliates.Cli.Files;

/// <summary>
/// Revenue events to ingest, from CSV (a header row naming the columns) or JSON (an array of objects). Columns / fields:
/// id, kind, occurred_at (occurredAt), user, amount, and optionally notional, pair, code, vault, refund_of (refundOf).
/// Amounts are decimal text in the registry's asset. The whole file is read and checked before anything is ingested.
/// </summary>
internal static class EventsFile
{
    private static readonly string[] Required = ["id", "kind", "occurred_at", "user", "amount"];
    private static readonly string[] Known = [.. Required, "notional", "pair", "code", "vault", "refund_of"];

    /// <summary>One event and the line (CSV) or array index + 1 (JSON) it came from.</summary>
    internal sealed record Row(int Line, ProgramEvent Event);

    public static IReadOnlyList<Row> Read(string path, string registryId, Asset asset)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliException.Usage($"--events '{path}' cannot be read: {e.Message}");
        }

        IEnumerable<(int Line, Func<string, string?> Field)> records = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? JsonRecords(path, text)
            : CsvRecords(path, text);
        var rows = new List<Row>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((int line, Func<string, string?> field) in records)
        {
            string Where(string column) => $"--events '{path}' line {line}, {column}";
            string Needed(string column) => field(column) is { Length: > 0 } value ? value : throw CliException.Usage($"{Where(column)} is empty.");
            string? Optional(string column) => field(column) is { Length: > 0 } value ? value : null;

            string id = Needed("id");
            if (ids.TryGetValue(id, out int first))
            {
                throw CliException.Usage($"{Where("id")} '{id}' repeats the id of line {first}.");
            }

            ids[id] = line;
            EventKind kind = Kind(Needed("kind"), Where("kind"));
            Instant at = CliValues.Instant(Needed("occurred_at"), Where("occurred_at"));
            Amount amount = CliValues.Amount(Needed("amount"), asset, Where("amount"));
            Amount notional = Optional("notional") is { } n ? CliValues.Amount(n, asset, Where("notional")) : Amount.Zero;
            string? refundOf = Optional("refund_of");
            if (kind == EventKind.Refund && refundOf is null)
            {
                throw CliException.Usage($"{Where("refund_of")} is empty; a refund names the event it refunds.");
            }

            rows.Add(new Row(line, new ProgramEvent(registryId, id, kind, at, Needed("user"), amount, notional, Optional("pair"), Optional("code"), Optional("vault"), refundOf)));
        }

        return rows;
    }

    private static IEnumerable<(int, Func<string, string?>)> CsvRecords(string path, string text)
    {
        CsvTable table = CsvTable.Parse(text, (line, problem) => CliException.Usage($"--events '{path}' line {line}: {problem}."));
        string? missing = Required.FirstOrDefault(c => !table.Header.Contains(c));
        if (missing is not null)
        {
            throw CliException.Usage($"--events '{path}' has no '{missing}' column (the header must name {string.Join(", ", Required)}).");
        }

        string? unknown = table.Header.FirstOrDefault(c => !Known.Contains(c));
        if (unknown is not null)
        {
            throw CliException.Usage($"--events '{path}' has an unknown column '{unknown}' (known: {string.Join(", ", Known)}).");
        }

        Dictionary<string, int> index = table.Header.Select((name, i) => (name, i)).ToDictionary(static p => p.name, static p => p.i, StringComparer.Ordinal);
        return table.Rows.Select(r => (r.Line, (Func<string, string?>)(column => index.TryGetValue(column, out int i) ? r.Fields[i].Trim() : null)));
    }

    private static List<(int, Func<string, string?>)> JsonRecords(string path, string text)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }).RootElement;
        }
        catch (JsonException e)
        {
            throw CliException.Usage($"--events '{path}' is not valid JSON: {e.Message}");
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw CliException.Usage($"--events '{path}' must hold a JSON array of events.");
        }

        var records = new List<(int, Func<string, string?>)>();
        int index = 0;
        foreach (JsonElement item in root.EnumerateArray())
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw CliException.Usage($"--events '{path}' line {index}: each event must be a JSON object.");
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JsonProperty property in item.EnumerateObject())
            {
                string column = Snake(property.Name);
                if (!Known.Contains(column))
                {
                    throw CliException.Usage($"--events '{path}' line {index}: unknown field '{property.Name}' (known: {string.Join(", ", Known)}).");
                }

                fields[column] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.Null => string.Empty,
                    _ => throw CliException.Usage($"--events '{path}' line {index}, {property.Name} must be text or a number."),
                };
            }

            records.Add((index, column => fields.GetValueOrDefault(column)));
        }

        return records;
    }

    private static string Snake(string name) => string.Concat(name.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));

    private static EventKind Kind(string text, string what)
    {
        string wanted = text.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        foreach (EventKind kind in Enum.GetValues<EventKind>())
        {
            if (string.Equals(kind.ToString(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        throw CliException.Usage($"{what} '{text}' is not an event kind (subscription-payment, trade, fee-collection, vault-deposit, refund).");
    }
}
