namespace Affiliates.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_SmallProgram_ConservesMoneyAndReplaysToTheSameRoots()
    {
        CliRun run = await CliRun.RunAsync("demo", "--affiliates", "30", "--weeks", "5", "--json");

        Assert.Equal(0, run.ExitCode);
        System.Text.Json.JsonElement json = run.Json;
        Assert.True(json.GetProperty("conservation").GetProperty("holds").GetBoolean());
        Assert.True(json.GetProperty("replay").GetProperty("identical").GetBoolean());
        Assert.Equal(5, json.GetProperty("weeks").GetArrayLength());
        Assert.Equal(5, json.GetProperty("replay").GetProperty("roots").GetInt32());
    }

    [Fact]
    public async Task Demo_ShowsTierUpgradeRefundCarriedReasonAndPayouts()
    {
        CliRun run = await CliRun.RunAsync("demo", "--affiliates", "30", "--weeks", "5", "--json");

        System.Text.Json.JsonElement json = run.Json;
        System.Text.Json.JsonElement upgrade = Assert.Single(json.GetProperty("tierChanges").EnumerateArray());
        Assert.Equal("wallet-000", upgrade.GetProperty("partner").GetString());
        Assert.Equal("Tier 2", upgrade.GetProperty("to").GetString());
        System.Text.Json.JsonElement statement = json.GetProperty("statement");
        Assert.Contains(statement.GetProperty("lines").EnumerateArray(), l => l.GetProperty("revenue").GetString()!.StartsWith('-'));
        Assert.NotEqual("0", statement.GetProperty("carryIn").GetString());
        Assert.Contains("minimum payout", statement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.All(json.GetProperty("payouts").EnumerateArray(), p => Assert.StartsWith("po-", p.GetProperty("id").GetString(), StringComparison.Ordinal));
        Assert.True(json.GetProperty("weeks")[1].GetProperty("refunds").GetInt32() > 0);
    }

    [Fact]
    public async Task Demo_PrintsTheConservationEquationAndStatement()
    {
        CliRun run = await CliRun.RunAsync("demo", "--affiliates", "12", "--weeks", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Conservation: billed [0-9.]+ = protocol [0-9.]+ \+ paid [0-9.]+ \+ carried [0-9.]+ SOL ✓", run.Console);
        Assert.Contains("Statement of wallet-003", run.Console, StringComparison.Ordinal);
        Assert.Contains("carry-in", run.Console, StringComparison.Ordinal);
        Assert.Contains("carry-out", run.Console, StringComparison.Ordinal);
        Assert.Contains("weekly Merkle roots identical", run.Console, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Demo_RemovesItsTemporaryFolder()
    {
        CliRun run = await CliRun.RunAsync("demo", "--affiliates", "3", "--weeks", "1", "--json");

        Assert.Equal(0, run.ExitCode);
        string database = run.Json.GetProperty("database").GetString()!;
        Assert.False(Directory.Exists(Path.GetDirectoryName(database)));
    }

    [Fact]
    public async Task Demo_WithKeep_KeepsDatabaseAndReports()
    {
        CliRun run = await CliRun.RunAsync("demo", "--affiliates", "3", "--weeks", "1", "--json", "--keep");

        string database = run.Json.GetProperty("database").GetString()!;
        try
        {
            Assert.True(File.Exists(database));
            Assert.True(File.Exists(Path.ChangeExtension(database, ".report.json")));
            Assert.StartsWith("epoch,partner,tier", File.ReadAllText(Path.ChangeExtension(database, ".statements.csv")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(database)!, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_WithDb_WritesThatNewFileAndKeepsIt()
    {
        using var folder = new TempFolder();
        string database = Path.Combine(folder.Path, "mine.db");

        CliRun run = await CliRun.RunAsync("demo", "--affiliates", "3", "--weeks", "1", "--db", database);

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(database));
    }
}
