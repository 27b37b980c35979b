using System.Globalization;

namespace Affiliates.Sqlite.Tests;

/// <summary>Unused by the test runner; <c>dotnet exec</c> on this assembly runs the crash test's child writer.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [CrashWriter.Command, string filePath, string units])
        {
            await CrashWriter.RunAsync(filePath, int.Parse(units, CultureInfo.InvariantCulture));
            return 0;
        }

        await Console.Error.WriteLineAsync($"usage: {CrashWriter.Command} <database file> <committed units>");
        return 2;
    }
}
