namespace Affiliates.Cli.Cli;

/// <summary>Ends a command with one sentence for the user and the exit code that classifies it.</summary>
internal sealed class CliException : Exception
{
    private CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>Gets the exit code the tool ends with.</summary>
    public int ExitCode { get; }

    /// <summary>A bad argument or unreadable file; the sentence names it.</summary>
    public static CliException Usage(string message) => new(Cli.ExitCode.BadUsage, message);

    /// <summary>The program refused the operation, or a check failed.</summary>
    public static CliException Refused(string message) => new(Cli.ExitCode.Refused, message);
}
