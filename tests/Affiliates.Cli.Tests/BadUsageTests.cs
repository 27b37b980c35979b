namespace Affiliates.Cli.Tests;

/// <summary>Every bad argument ends with exit code 2 and one sentence naming it, never a stack trace.</summary>
public sealed class BadUsageTests
{
    [Theory]
    [InlineData("--affiliates", "0", "--affiliates must be from 1 to 2000, not 0.")]
    [InlineData("--affiliates", "-5", "--affiliates must be from 1 to 2000, not -5.")]
    [InlineData("--weeks", "abc", "--weeks must be a whole number (at most 2147483647), not 'abc'.")]
    [InlineData("--weeks", "99999999999", "--weeks must be a whole number (at most 2147483647), not '99999999999'.")]
    [InlineData("--weeks", "53", "--weeks must be from 1 to 52, not 53.")]
    public async Task Demo_BadNumber_IsBadUsageNamingTheOption(string option, string value, string sentence)
    {
        CliRun run = await CliRun.RunAsync("demo", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"affiliates: {sentence}", run.Error.Trim());
        Assert.DoesNotContain("   at ", run.Error + run.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_OptionWithoutValue_IsBadUsage()
    {
        CliRun run = await CliRun.RunAsync("demo", "--weeks");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("weeks", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_IsBadUsage()
    {
        CliRun run = await CliRun.RunAsync("demo", "--bogus");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bogus", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsBadUsage()
    {
        CliRun run = await CliRun.RunAsync("frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("frobnicate", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_DbOnAnExistingDatabase_IsRefusedAndLeavesItUnchanged()
    {
        using var folder = new TempFolder();
        string database = Path.Combine(folder.Path, "program.db");
        Assert.Equal(0, (await CliRun.RunAsync("demo", "--affiliates", "2", "--weeks", "1", "--db", database)).ExitCode);
        byte[] before = File.ReadAllBytes(database);

        CliRun run = await CliRun.RunAsync("demo", "--db", database);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--db '{database}' exists already", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(database));
    }

    [Fact]
    public async Task Demo_DbOnAGarbageFile_IsRefusedAndLeavesItUnchanged()
    {
        using var folder = new TempFolder();
        string garbage = folder.File("garbage.db", "this is not a database\n");

        CliRun run = await CliRun.RunAsync("demo", "--db", garbage);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--db", run.Error, StringComparison.Ordinal);
        Assert.Equal("this is not a database\n", File.ReadAllText(garbage));
    }

    [Fact]
    public async Task Demo_DbInAMissingFolder_IsBadUsageNamingTheFolder()
    {
        using var folder = new TempFolder();
        string database = Path.Combine(folder.Path, "missing", "program.db");

        CliRun run = await CliRun.RunAsync("demo", "--db", database);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(database)));
    }

    [Fact]
    public async Task Json_BadUsage_AlsoWritesTheErrorAsJson()
    {
        CliRun run = await CliRun.RunAsync("demo", "--affiliates", "0", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("--affiliates must be from 1 to 2000, not 0.", run.Json.GetProperty("error").GetString());
        Assert.Equal(2, run.Json.GetProperty("exitCode").GetInt32());
    }

    [Theory]
    [InlineData("registry")]
    [InlineData("payouts")]
    public async Task CommandGroupWithoutCommand_IsBadUsage(string group)
    {
        CliRun run = await CliRun.RunAsync(group);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("USAGE", run.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_IsOk()
    {
        CliRun run = await CliRun.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("settle", run.Console, StringComparison.Ordinal);
    }
}
