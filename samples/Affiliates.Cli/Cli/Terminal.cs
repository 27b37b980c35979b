using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Spectre.Console;

namespace Affiliates.Cli.Cli;

/// <summary>Where a command writes: rich output for people, raw JSON for scripts, one-sentence errors; and the clock it reads.</summary>
/// <param name="Console">Tables, progress bars and text for people.</param>
/// <param name="Output">Standard output as plain text, for <c>--json</c> documents (never wrapped or styled).</param>
/// <param name="Error">Standard error, for the one sentence a failure prints.</param>
/// <param name="Clock">The time the engine reads (the system clock; tests pass a fake one).</param>
internal sealed record Terminal(IAnsiConsole Console, TextWriter Output, TextWriter Error, IClock Clock)
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Writes one JSON document to standard output.</summary>
    public void WriteJson(object value) => Output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
}
