using Affiliates.Cli.Cli;
using Affiliates.Programs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

/// <summary><c>affiliates link</c>: binds a user to a code (or removes the binding); the operator has authenticated the user.</summary>
internal sealed class LinkCommand(Terminal terminal) : AsyncCommand<LinkSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LinkSettings settings, CancellationToken cancellationToken)
    {
        await using ProgramHost host = ProgramHost.Open(settings, terminal.Clock);
        await host.RegistryAsync(settings.Registry, cancellationToken);
        BindResult result = settings.Remove
            ? await host.Program.RemoveBindingAsync(settings.Registry, settings.User, cancellationToken)
            : await host.Program.ConvertAsync(new ConversionRequest(settings.Registry, settings.User, settings.Token, settings.Code), cancellationToken);
        bool done = settings.Remove ? result.Outcome == BindOutcome.Removed : result.IsBound;
        if (!done)
        {
            throw CliException.Refused($"User '{settings.User}' was not {(settings.Remove ? "unlinked" : "linked")}: {result.Outcome}.");
        }

        if (settings.Json)
        {
            terminal.WriteJson(new { outcome = result.Outcome, user = settings.User, code = result.Binding?.Code, generation = result.Binding?.CodeGeneration });
        }
        else
        {
            terminal.Console.MarkupLineInterpolated($"{settings.User}: {result.Outcome}{(result.Binding is { } b && !settings.Remove ? $" to {b.Code}" : string.Empty)}.");
        }

        return ExitCode.Ok;
    }
}
