using Spectre.Console.Cli;

namespace Affiliates.Cli.Cli;

/// <summary>Records whether a command ran: when none did and Spectre still reports a failure, the usage was incomplete.</summary>
internal sealed class CommandStarted : ICommandInterceptor
{
    public bool Started { get; private set; }

    public void Intercept(CommandContext context, CommandSettings settings) => Started = true;
}
