using System.Text;

namespace Affiliates.Cli.Files;

/// <summary>A CSV file read whole (RFC 4180: commas, double-quoted fields with "" for a quote), with a header row.</summary>
/// <param name="Header">The column names, trimmed and lower-cased.</param>
/// <param name="Rows">Each data row with its 1-based line number in the file.</param>
internal sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> Rows)
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="fail"/> turns a problem at a line into the exception to throw.</summary>
    public static CsvTable Parse(string text, Func<int, string, Exception> fail)
    {
        var rows = new List<(int, IReadOnlyList<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        bool quoted = false;
        bool wasQuoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                case '"':
                    throw fail(line, "a quote inside an unquoted field (quote the whole field and double the quote)");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    AddRow(rows, fields, rowLine);
                    line++;
                    rowLine = line;
                    break;
                default:
                    if (wasQuoted)
                    {
                        throw fail(line, "text after a closing quote");
                    }

                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw fail(rowLine, "a quoted field is not closed");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            AddRow(rows, fields, rowLine);
        }

        if (rows.Count == 0)
        {
            throw fail(1, "the file is empty; the first line must name the columns");
        }

        IReadOnlyList<string> header = [.. rows[0].Item2.Select(static h => h.Trim().ToLowerInvariant())];
        string? repeated = header.GroupBy(static h => h).FirstOrDefault(static g => g.Count() > 1)?.Key;
        if (repeated is not null)
        {
            throw fail(1, $"the column '{repeated}' appears twice");
        }

        foreach ((int at, IReadOnlyList<string> row) in rows.Skip(1))
        {
            if (row.Count != header.Count)
            {
                throw fail(at, $"{row.Count} fields where the header names {header.Count}");
            }
        }

        return new CsvTable(header, rows.Skip(1).ToArray());
    }

    private static void AddRow(List<(int, IReadOnlyList<string>)> rows, List<string> fields, int line)
    {
        if (!(fields.Count == 1 && fields[0].Length == 0))
        {
            rows.Add((line, fields.ToArray()));
        }

        fields.Clear();
    }
}
