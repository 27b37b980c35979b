using System.Text.RegularExpressions;
using Affiliates.Cli.Commands;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Cli;

/// <summary>The <c>affiliates</c> tool: its commands, and how every failure becomes one sentence and an exit code.</summary>
internal static partial class CliApp
{
    /// <summary>Runs the tool with <paramref name="args"/>; returns the exit code (see <see cref="ExitCode"/>).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellationToken = default)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("affiliates");
            config.Settings.Console = terminal.Console;
            config.Settings.StrictParsing = true;
            config.Settings.Registrar.RegisterInstance(terminal);
            config.SetExceptionHandler((exception, _) => Fail(exception, args, terminal));
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Runs a 90-day subscription revenue-share program end to end on a temporary SQLite file, and checks it.")
                .WithExample("demo")
                .WithExample("demo", "--affiliates", "20", "--weeks", "4", "--keep");
        });
        return await app.RunAsync(args, cancellationToken).ConfigureAwait(false);
    }

    private static int Fail(Exception exception, IReadOnlyList<string> args, Terminal terminal)
    {
        (int code, string message) = exception switch
        {
            CliException cli => (cli.ExitCode, cli.Message),
            CommandRuntimeException { InnerException: not null } when ConversionFailure().Match(exception.Message) is { Success: true } match =>
                (ExitCode.BadUsage, NotConvertible(match.Groups["value"].Value, match.Groups["type"].Value, args)),
            CommandParseException or CommandRuntimeException => (ExitCode.BadUsage, Sentence(exception.Message)),
            OperationCanceledException => (ExitCode.Refused, "Cancelled; what was committed before stays committed."),
            _ => (ExitCode.Unexpected, $"Unexpected failure ({exception.GetType().Name}): {Sentence(exception.Message)}"),
        };
        if (args.Contains("--json"))
        {
            terminal.WriteJson(new { error = message, exitCode = code });
        }

        terminal.Error.WriteLine($"affiliates: {message}");
        return code;
    }

    /// <summary>Spectre names only the value that failed to convert; find the option it was given for.</summary>
    private static string NotConvertible(string value, string type, IReadOnlyList<string> args)
    {
        if (!args.Any(a => a == value || a.EndsWith("=" + value, StringComparison.Ordinal)))
        {
            // Spectre reports an option given without its value as a failure to convert a placeholder.
            string[] bare = [.. args.Where((a, i) => a.StartsWith("--", StringComparison.Ordinal) && !a.Contains('=', StringComparison.Ordinal) && (i == args.Count - 1 || args[i + 1].StartsWith("--", StringComparison.Ordinal)))];
            return bare.Length == 1 ? $"{bare[0]} needs a value." : $"One of {string.Join(", ", bare)} needs a value.";
        }

        string option = "an argument";
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == value && i > 0 && args[i - 1].StartsWith('-'))
            {
                option = args[i - 1];
                break;
            }

            int separator = args[i].IndexOfAny(['=', ':']);
            if (args[i].StartsWith('-') && separator > 0 && args[i][(separator + 1)..] == value)
            {
                option = args[i][..separator];
                break;
            }
        }

        string expected = type switch
        {
            "Int32" => "a whole number (at most 2147483647)",
            "Int64" => "a whole number",
            "Boolean" => "true or false",
            _ => $"a {type}",
        };
        return $"{option} must be {expected}, not '{value}'.";
    }

    private static string Sentence(string message) => message.EndsWith('.') ? message : message + ".";

    [GeneratedRegex("^Failed to convert '(?<value>.*)' to (?<type>[A-Za-z0-9]+)")]
    private static partial Regex ConversionFailure();
}
