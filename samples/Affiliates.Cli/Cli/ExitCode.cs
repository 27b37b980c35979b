namespace Affiliates.Cli.Cli;

/// <summary>What the tool's exit code means, for scripts.</summary>
internal static class ExitCode
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>The command ran but the program refused the operation (or a check failed); the output says why.</summary>
    public const int Refused = 1;

    /// <summary>Bad usage: a bad argument, or a file that cannot be read as what the argument asks for; nothing was changed.</summary>
    public const int BadUsage = 2;

    /// <summary>An unexpected failure: a bug in the tool or the library; the message says what failed.</summary>
    public const int Unexpected = 3;
}
