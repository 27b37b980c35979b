using Affiliates.Cli.Cli;
using NodaTime;
using Spectre.Console;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
if (Console.IsOutputRedirected)
{
    // Logs are read in wide windows; 80 columns would wrap every table.
    AnsiConsole.Console.Profile.Width = 120;
}

return await CliApp.RunAsync(args, new Terminal(AnsiConsole.Console, Console.Out, Console.Error, SystemClock.Instance), cancel.Token);
