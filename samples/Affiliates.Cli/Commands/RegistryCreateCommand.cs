using Affiliates.Cli.Cli;
using Affiliates.Cli.Files;
using Affiliates.Programs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

/// <summary><c>affiliates registry create</c>: a registry from a terms file; creates the SQLite file when it is missing.</summary>
internal sealed class RegistryCreateCommand(Terminal terminal) : AsyncCommand<RegistryCreateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RegistryCreateSettings settings, CancellationToken cancellationToken)
    {
        NewRegistry registry = TermsFile.Read(settings.Terms);
        await using ProgramHost host = ProgramHost.Open(settings, terminal.Clock, create: true);
        RegistryResult result = await host.Program.CreateRegistryAsync(registry, cancellationToken);
        if (result.Outcome != ChangeOutcome.Applied)
        {
            throw CliException.Refused($"Registry '{registry.Id}' was not created: {result.Outcome}, {result.Detail}.");
        }

        ProgramTerms terms = await host.TermsAsync(result.Registry!, cancellationToken);
        if (settings.Json)
        {
            terminal.WriteJson(new { created = RegistryView.Of(result.Registry!, terms) });
        }
        else
        {
            terminal.Console.MarkupLineInterpolated($"Created registry [bold]{registry.Id}[/] in {host.Where}.");
            RegistryView.Render(terminal.Console, result.Registry!, terms);
        }

        return ExitCode.Ok;
    }
}
