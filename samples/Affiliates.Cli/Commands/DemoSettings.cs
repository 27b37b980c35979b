using System.ComponentModel;
using Affiliates.Cli.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Affiliates.Cli.Commands;

/// <summary>Options of <c>affiliates demo</c>.</summary>
internal sealed class DemoSettings : CliSettings
{
    [CommandOption("--affiliates <N>")]
    [Description("Partners that sign up, each with four referred users (1 to 2000).")]
    [DefaultValue(140)]
    public int Affiliates { get; init; } = 140;

    [CommandOption("--weeks <N>")]
    [Description("Weekly epochs to run and settle (1 to 52).")]
    [DefaultValue(13)]
    public int Weeks { get; init; } = 13;

    [CommandOption("--db <PATH>")]
    [Description("Write the SQLite database here (a new file; it is kept). Default: a temporary folder, removed at exit.")]
    public string? Database { get; init; }

    [CommandOption("--keep")]
    [Description("Keep the temporary folder with the database and the report.")]
    public bool Keep { get; init; }

    public override ValidationResult Validate()
    {
        if (Affiliates is < 1 or > 2000)
        {
            return ValidationResult.Error($"--affiliates must be from 1 to 2000, not {Affiliates}.");
        }

        if (Weeks is < 1 or > 52)
        {
            return ValidationResult.Error($"--weeks must be from 1 to 52, not {Weeks}.");
        }

        if (Database is not null)
        {
            string full;
            try
            {
                full = Path.GetFullPath(Database);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return ValidationResult.Error($"--db '{Database}' is not a valid path.");
            }

            if (File.Exists(full) || Directory.Exists(full))
            {
                return ValidationResult.Error($"--db '{Database}' exists already; the demo writes a new database only (remove it or name another file).");
            }

            if (!Directory.Exists(Path.GetDirectoryName(full)))
            {
                return ValidationResult.Error($"--db '{Database}': the folder '{Path.GetDirectoryName(full)}' does not exist.");
            }
        }

        return ValidationResult.Success();
    }
}
