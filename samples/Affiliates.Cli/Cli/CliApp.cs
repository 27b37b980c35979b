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
        var started = new CommandStarted();
        app.Configure(config =>
        {
            config.SetInterceptor(started);
            config.SetApplicationName("affiliates");
            config.Settings.Console = terminal.Console;
            config.Settings.StrictParsing = true;
            config.Settings.Registrar.RegisterInstance(terminal);
            config.SetExceptionHandler((exception, _) => Fail(exception, args, terminal));
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Runs a 90-day subscription revenue-share program end to end on a temporary SQLite file, and checks it.")
                .WithExample("demo")
                .WithExample("demo", "--affiliates", "20", "--weeks", "4", "--keep");
            config.AddBranch("registry", registry =>
            {
                registry.SetDescription("Create a registry (a program with its terms) or show one.");
                registry.AddCommand<RegistryCreateCommand>("create").WithDescription("Creates a registry from a JSON terms file; creates the SQLite file if it is missing.")
                    .WithExample("registry", "create", "--terms", "samples/terms/rujira.json", "--db", "rujira.db");
                registry.AddCommand<RegistryShowCommand>("show").WithDescription("Shows a registry and the terms in force.");
            });
            config.AddBranch("code", code =>
            {
                code.SetDescription("Partner codes.");
                code.AddCommand<CodeCreateCommand>("create").WithDescription("Creates a partner code from a request its owner's wallet signed (--print-message shows the text to sign).");
            });
            config.AddCommand<LinkCommand>("link").WithDescription("Links a referred user to a code (or a click's token), or removes the link.");
            config.AddCommand<IngestCommand>("ingest").WithDescription("Ingests revenue events from a CSV or JSON file, idempotently by id, with one result per event in a result file.");
            config.AddCommand<SettleCommand>("settle").WithDescription("Settles every ended epoch not settled yet, oldest first (or one --epoch): statements, payout intents, Merkle root.");
            config.AddCommand<StatementsCommand>("statements").WithDescription("Shows an epoch's statements, or one partner's with its lines, carry-in and carry-out.");
            config.AddBranch("payouts", payouts =>
            {
                payouts.SetDescription("Payout intents.");
                payouts.AddCommand<PayoutsListCommand>("list").WithDescription("Lists payout intents with their stable ids and status.");
            });
            config.AddBranch("pool", pool =>
            {
                pool.SetDescription("Reward pools.");
                pool.AddCommand<PoolDistributeCommand>("distribute").WithDescription("Scores a trades file and distributes a capped pro-rata reward pool (nothing is stored).");
            });
            config.AddCommand<VerifyCommand>("verify").WithDescription("Recomputes an epoch's statement hashes and Merkle root; checks a published root and a partner's inclusion proof.");
            config.AddCommand<SplitCommand>("split").WithDescription("Splits one fee between protocol, partner and user, exactly as the engine books it.")
                .WithExample("split", "--fee", "1000", "--referral-fee", "5%", "--multiplier", "1.5", "--kickback", "20%");
        });
        int code = await app.RunAsync(args, cancellationToken).ConfigureAwait(false);

        // A command group given without its command prints its help and "fails"; that is bad usage.
        return code == ExitCode.Refused && !started.Started ? ExitCode.BadUsage : code;
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
