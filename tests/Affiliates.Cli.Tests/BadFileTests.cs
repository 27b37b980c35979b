namespace Affiliates.Cli.Tests;

/// <summary>Bad files and bad arguments to the operator commands: exit code 2, one sentence naming them, the database unchanged.</summary>
public sealed class BadFileTests
{
    [Theory]
    [InlineData("id,kind,occurred_at,user,amount\npay-1,subscription-payment,2026-11-02T10:00:00Z,user-1,0.49\npay-2,subscription-payment,2026-11-02T10:00:00Z,user-1,abc\n", "line 3, amount must be an amount of SOL")]
    [InlineData("id,kind,occurred_at,user,amount\npay-1,subscription-payment,yesterday,user-1,0.49\n", "line 2, occurred_at must be a UTC time")]
    [InlineData("id,kind,occurred_at,user,amount\npay-1,gift,2026-11-02T10:00:00Z,user-1,0.49\n", "line 2, kind 'gift' is not an event kind")]
    [InlineData("id,kind,occurred_at,user,amount\npay-1,subscription-payment,2026-11-02T10:00:00Z,user-1,0.4900000001\n", "at most 9 decimals")]
    [InlineData("id,kind,occurred_at,user,amount\npay-1,subscription-payment,2026-11-02T10:00:00Z,user-1,-1\n", "line 2, amount must be an amount")]
    [InlineData("id,kind,occurred_at,user\npay-1,subscription-payment,2026-11-02T10:00:00Z,user-1\n", "has no 'amount' column")]
    [InlineData("id,kind,occurred_at,user,amount,colour\npay-1,subscription-payment,2026-11-02T10:00:00Z,user-1,1,red\n", "unknown column 'colour'")]
    [InlineData("id,kind,occurred_at,user,amount\npay-1,subscription-payment,2026-11-02T10:00:00Z,user-1,1\npay-1,subscription-payment,2026-11-02T10:00:00Z,user-1,1\n", "line 3, id 'pay-1' repeats the id of line 2")]
    [InlineData("id,kind,occurred_at,user,amount\npay-1,refund,2026-11-02T10:00:00Z,user-1,1\n", "line 2, refund_of is empty")]
    [InlineData("id,kind,occurred_at,user,amount\npay-1,subscription-payment,2026-11-02T10:00:00Z,user-1\n", "line 2: 4 fields where the header names 5")]
    [InlineData("id,kind,occurred_at,user,amount\n\"pay-1,subscription-payment,2026-11-02T10:00:00Z,user-1,1\n", "a quoted field is not closed")]
    [InlineData("", "the file is empty")]
    [InlineData("[{\"id\": \"pay-1\"", "is not valid JSON")]
    public async Task Ingest_BadEventsFile_IsBadUsageAndIngestsNothing(string contents, string sentence)
    {
        using var program = new OperatorProgram();
        await program.SetUpAsync();
        string events = program.File(contents.StartsWith('[') ? "events.json" : "events.csv", contents);
        string before = DatabaseDump.Of(program.Database);

        CliRun ingest = await program.RunAsync("ingest", "-r", OperatorProgram.Registry, "--events", events);

        Assert.Equal(2, ingest.ExitCode);
        Assert.Contains($"--events '{events}'", ingest.Error, StringComparison.Ordinal);
        Assert.Contains(sentence, ingest.Error, StringComparison.Ordinal);
        Assert.Single(ingest.Error.Trim().Split('\n'));
        Assert.Equal(before, DatabaseDump.Of(program.Database));
    }

    [Fact]
    public async Task Ingest_MissingEventsFile_IsBadUsageNamingIt()
    {
        using var program = new OperatorProgram();
        await program.SetUpAsync();

        CliRun ingest = await program.RunAsync("ingest", "-r", OperatorProgram.Registry, "--events", program.PathOf("nope.csv"));

        Assert.Equal(2, ingest.ExitCode);
        Assert.Contains("nope.csv' cannot be read", ingest.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_UnknownRegistry_IsBadUsageNamingIt()
    {
        using var program = new OperatorProgram();
        await program.SetUpAsync();

        CliRun ingest = await program.RunAsync("ingest", "-r", "nope", "--events", program.File("e.csv", "id,kind,occurred_at,user,amount\n"));

        Assert.Equal(2, ingest.ExitCode);
        Assert.Contains("--registry 'nope' does not exist", ingest.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"id\": \"x\", \"admin\": \"a\", \"kind\": \"feeShare\", \"asset\": \"SOL\", \"referalFee\": \"5%\" }", "referalFee")]
    [InlineData("{ \"id\": \"x\", \"admin\": \"a\", \"kind\": \"feeShare\", \"asset\": \"SOL\", \"referralFee\": \"five\" }", "referralFee must be a rate")]
    [InlineData("{ \"id\": \"x\", \"admin\": \"a\", \"kind\": \"feeShare\", \"asset\": \"SOL\", \"referralFee\": \"101%\" }", "referralFee must be a rate")]
    [InlineData("{ \"id\": \"x\", \"admin\": \"a\", \"kind\": \"feeShare\", \"asset\": \"DOGE\" }", "asset 'DOGE' is not a known asset")]
    [InlineData("{ \"id\": \"x\", \"admin\": \"a\", \"asset\": \"SOL\" }", "kind is required")]
    [InlineData("{ \"id\": \"x\", \"kind\": \"feeShare\", \"asset\": \"SOL\" }", "admin is required")]
    [InlineData("{ \"id\": \"x\", \"admin\": \"a\", \"kind\": \"sometimes\", \"asset\": \"SOL\" }", "is not a valid terms file")]
    [InlineData("{ \"id\": \"x\", \"admin\": \"a\", \"kind\": \"revenueShare\", \"asset\": \"SOL\", \"minimumPayout\": \"0.0000000001\" }", "minimumPayout must be an amount of SOL")]
    [InlineData("not json", "is not a valid terms file")]
    public async Task RegistryCreate_BadTermsFile_IsBadUsageAndCreatesNothing(string contents, string sentence)
    {
        using var program = new OperatorProgram();
        await program.SetUpAsync();
        string terms = program.File("terms.json", contents);
        string before = DatabaseDump.Of(program.Database);

        CliRun created = await program.RunAsync("registry", "create", "--terms", terms);

        Assert.Equal(2, created.ExitCode);
        Assert.Contains($"--terms '{terms}'", created.Error, StringComparison.Ordinal);
        Assert.Contains(sentence, created.Error, StringComparison.Ordinal);
        Assert.Equal(before, DatabaseDump.Of(program.Database));
    }

    [Fact]
    public async Task RegistryCreate_BadTermsFile_DoesNotCreateTheDatabase()
    {
        using var program = new OperatorProgram();

        CliRun created = await program.RunAsync("registry", "create", "--terms", program.File("terms.json", "{}"));

        Assert.Equal(2, created.ExitCode);
        Assert.False(File.Exists(program.Database));
    }

    [Theory]
    [InlineData("registry", "show", "-r", "trading-bot")]
    [InlineData("settle", "-r", "trading-bot")]
    [InlineData("statements", "-r", "trading-bot")]
    [InlineData("payouts", "list", "-r", "trading-bot")]
    [InlineData("link", "-r", "trading-bot", "--user", "u", "--code", "BOT1")]
    public async Task Command_DbOnAGarbageFile_IsBadUsageAndLeavesItUnchanged(params string[] args)
    {
        using var folder = new TempFolder();
        string garbage = folder.File("garbage.db", "this is not a database, it is a shopping list\n");

        CliRun run = await CliRun.RunAsync([.. args, "--db", garbage]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"affiliates: --db '{garbage}' is not an SQLite database.", run.Error.Trim());
        Assert.Equal("this is not a database, it is a shopping list\n", File.ReadAllText(garbage));
    }

    [Fact]
    public async Task Command_DbMissing_IsBadUsageAndCreatesNothing()
    {
        using var folder = new TempFolder();
        string missing = Path.Combine(folder.Path, "missing.db");

        CliRun run = await CliRun.RunAsync("settle", "-r", "trading-bot", "--db", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist; 'affiliates registry create' creates it", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Command_DbAndPostgresTogether_IsBadUsage()
    {
        CliRun run = await CliRun.RunAsync("settle", "-r", "x", "--db", "a.db", "--postgres", "Host=localhost");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--db or --postgres, not both", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_MalformedPostgresConnectionString_IsBadUsage()
    {
        CliRun run = await CliRun.RunAsync("settle", "-r", "x", "--postgres", "Host");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--postgres is not a valid connection string", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_WithoutRegistry_IsBadUsage()
    {
        CliRun run = await CliRun.RunAsync("settle");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--registry is required", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fee", "abc", "--fee must be an amount")]
    [InlineData("--referral-fee", "5", "--referral-fee must be a rate")]
    [InlineData("--kickback", "150%", "--kickback must be a rate")]
    [InlineData("--multiplier", "one", "--multiplier must be a multiplier")]
    public async Task Split_BadValue_IsBadUsageNamingIt(string option, string value, string sentence)
    {
        var args = new Dictionary<string, string> { ["--fee"] = "1000", ["--referral-fee"] = "5%", ["--multiplier"] = "1.5", ["--kickback"] = "20%" };
        args[option] = value;

        CliRun run = await CliRun.RunAsync(["split", .. args.SelectMany(static p => new[] { p.Key, p.Value })]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(sentence, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statements_EpochNotSettled_IsBadUsageNamingIt()
    {
        using var program = new OperatorProgram();
        await program.SetUpAsync();

        CliRun run = await program.RunAsync("statements", "-r", OperatorProgram.Registry, "--epoch", "2026-11-01W");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("epoch 2026-11-01W is not settled", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoolDistribute_BadTradesFile_IsBadUsageNamingTheLine()
    {
        using var folder = new TempFolder();
        string trades = folder.File("trades.csv", "id,trader,referrer,time,sell,buy,volume_usd\nt1,alice,aff,2027-01-02T00:00:00Z,WETH,USDC,lots\n");

        CliRun run = await CliRun.RunAsync("pool", "distribute", "--trades", trades, "--tokens", "WETH,USDC");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 2, volume_usd must be an amount of USD", run.Error, StringComparison.Ordinal);
    }
}
