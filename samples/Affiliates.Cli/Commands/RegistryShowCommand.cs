using Affiliates.Cli.Cli;
using Affiliates.Programs;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

/// <summary><c>affiliates registry show</c>: a registry and the terms in force.</summary>
internal sealed class RegistryShowCommand(Terminal terminal) : AsyncCommand<RegistrySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RegistrySettings settings, CancellationToken cancellationToken)
    {
        await using ProgramHost host = ProgramHost.Open(settings, terminal.Clock);
        Registry registry = await host.RegistryAsync(settings.Registry, cancellationToken);
        ProgramTerms terms = await host.TermsAsync(registry, cancellationToken);
        if (settings.Json)
        {
            terminal.WriteJson(RegistryView.Of(registry, terms));
        }
        else
        {
            RegistryView.Render(terminal.Console, registry, terms);
        }

        return ExitCode.Ok;
    }
}
