using System.Text.Json;
using Affiliates.Cli.Cli;
using NodaTime;
using NodaTime.Testing;
using Spectre.Console;

namespace Affiliates.Cli.Tests;

/// <summary>What one in-process run of the tool printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Console, string Output, string Error)
{
    /// <summary>The clock the tests' runs read unless they pass their own: a Wednesday in 2027.</summary>
    public static FakeClock DefaultClock { get; } = new(Instant.FromUtc(2027, 3, 3, 12, 0));

    public static async Task<CliRun> RunAsync(params string[] args) => await RunAsync(DefaultClock, args);

    public static async Task<CliRun> RunAsync(IClock clock, params string[] args)
    {
        var console = new StringWriter();
        var output = new StringWriter();
        var error = new StringWriter();
        IAnsiConsole ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console),
        });
        ansi.Profile.Width = 200;
        int exit = await CliApp.RunAsync(args, new Terminal(ansi, output, error, clock));
        return new CliRun(exit, console.ToString(), output.ToString(), error.ToString());
    }

    /// <summary>Gets the JSON document the run wrote to standard output.</summary>
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;
}
