using System.Text.Json;

namespace Affiliates.Cli.Tests;

/// <summary>The commands an operator runs every week, on a temporary SQLite database.</summary>
public sealed class OperatorCommandTests
{
    private const string Events = """
        id,kind,occurred_at,user,amount,refund_of
        pay-1,subscription-payment,2026-11-02T10:00:00Z,user-1,0.49,
        pay-2,subscription-payment,2026-11-03T10:00:00Z,user-2,0.49,
        pay-3,subscription-payment,2026-11-04T10:00:00Z,stranger,1,
        refund-2,refund,2026-11-05T10:00:00Z,user-2,0.49,pay-2
        """;

    [Fact]
    public async Task WeeklyRun_IngestSettleStatementsPayoutsVerify_AgreeWithEachOther()
    {
        using var program = new OperatorProgram();
        await program.SetUpAsync();
        string events = program.File("events.csv", Events);

        CliRun ingest = await program.RunAsync("ingest", "-r", OperatorProgram.Registry, "--events", events, "--json");
        Assert.Equal(0, ingest.ExitCode);
        Assert.Equal(4, ingest.Json.GetProperty("statuses").GetProperty("recorded").GetInt32());
        Assert.StartsWith("line,id,status,outcome,detail\n2,pay-1,Recorded,Applied,", File.ReadAllText(events + ".results.csv"), StringComparison.Ordinal);

        program.Clock.AdvanceDays(8);
        CliRun settle = await program.RunAsync("settle", "-r", OperatorProgram.Registry, "--json");
        Assert.Equal(0, settle.ExitCode);
        JsonElement epoch = Assert.Single(settle.Json.GetProperty("epochs").EnumerateArray());
        Assert.Equal("2026-11-01W", epoch.GetProperty("epoch").GetString());
        Assert.Equal("0.098", epoch.GetProperty("commissions").GetString());
        string root = epoch.GetProperty("merkleRoot").GetString()!;

        CliRun again = await program.RunAsync("settle", "-r", OperatorProgram.Registry, "--json");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(1, again.Json.GetProperty("settledBefore").GetInt32());
        Assert.Empty(again.Json.GetProperty("epochs").EnumerateArray());

        string partner = program.Partner.PublicKey.Key;
        CliRun statement = await program.RunAsync("statements", "-r", OperatorProgram.Registry, "--epoch", "2026-11-01W", "--partner", partner, "--json");
        Assert.Equal(0, statement.ExitCode);
        JsonElement only = Assert.Single(statement.Json.EnumerateArray());
        Assert.Equal("0.098", only.GetProperty("carryOut").GetString());
        Assert.Equal("0", only.GetProperty("payable").GetString());
        Assert.Contains("below the 0.1 SOL minimum payout", only.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, only.GetProperty("lines").GetArrayLength());

        CliRun payouts = await program.RunAsync("payouts", "list", "-r", OperatorProgram.Registry, "--json");
        Assert.Equal(0, payouts.ExitCode);
        Assert.Empty(payouts.Json.EnumerateArray());

        CliRun verify = await program.RunAsync("verify", "-r", OperatorProgram.Registry, "--epoch", "2026-11-03", "--root", root, "--partner", partner, "--json");
        Assert.Equal(0, verify.ExitCode);
        Assert.True(verify.Json.GetProperty("ok").GetBoolean());
        Assert.True(verify.Json.GetProperty("proof").GetProperty("holds").GetBoolean());
    }

    [Fact]
    public async Task Settle_SecondWeekReachesTheMinimum_PaysTheCarriedBalance()
    {
        using var program = new OperatorProgram();
        await program.SetUpAsync();
        await program.RunAsync("ingest", "-r", OperatorProgram.Registry, "--events", program.File("week1.csv", Events));
        program.Clock.AdvanceDays(8);
        string week2 = program.File("week2.csv", "id,kind,occurred_at,user,amount\npay-4,subscription-payment,2026-11-10T10:00:00Z,user-1,0.49\n");
        await program.RunAsync("ingest", "-r", OperatorProgram.Registry, "--events", week2);
        program.Clock.AdvanceDays(7);

        CliRun settle = await program.RunAsync("settle", "-r", OperatorProgram.Registry, "--json");
        CliRun payouts = await program.RunAsync("payouts", "list", "-r", OperatorProgram.Registry, "--status", "pending", "--json");

        Assert.Equal(2, settle.Json.GetProperty("epochs").GetArrayLength());
        JsonElement payout = Assert.Single(payouts.Json.EnumerateArray());
        Assert.Equal("0.196", payout.GetProperty("amount").GetString());
        Assert.Equal("2026-11-08W", payout.GetProperty("epoch").GetString());
        Assert.Equal(program.Partner.PublicKey.Key, payout.GetProperty("payee").GetString());
    }

    [Fact]
    public async Task Verify_WrongPublishedRoot_IsRefused()
    {
        using var program = new OperatorProgram();
        await program.SetUpAsync();
        await program.RunAsync("ingest", "-r", OperatorProgram.Registry, "--events", program.File("events.csv", Events));
        program.Clock.AdvanceDays(8);
        await program.RunAsync("settle", "-r", OperatorProgram.Registry);

        CliRun verify = await program.RunAsync("verify", "-r", OperatorProgram.Registry, "--epoch", "2026-11-01W", "--root", new string('0', 64));

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("the published root is not", verify.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settle_EpochNotEnded_IsRefusedNamingItsEnd()
    {
        using var program = new OperatorProgram();
        await program.SetUpAsync();

        CliRun settle = await program.RunAsync("settle", "-r", OperatorProgram.Registry, "--epoch", "2026-11-02");

        Assert.Equal(1, settle.ExitCode);
        Assert.Contains("Epoch 2026-11-01W was not settled: it ends at 2026-11-08T00:00:00Z.", settle.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_RefusedEvents_ExitOneWithAResultForEach()
    {
        using var program = new OperatorProgram();
        await program.SetUpAsync();
        string events = program.File("events.csv", "id,kind,occurred_at,user,amount,refund_of\nrefund-9,refund,2026-11-05T10:00:00Z,user-2,0.49,pay-9\n");

        CliRun ingest = await program.RunAsync("ingest", "-r", OperatorProgram.Registry, "--events", events, "--results", program.PathOf("results.json"));

        Assert.Equal(1, ingest.ExitCode);
        Assert.Contains("1 of 1 events were refused", ingest.Error, StringComparison.Ordinal);
        JsonElement result = Assert.Single(JsonDocument.Parse(File.ReadAllText(program.PathOf("results.json"))).RootElement.EnumerateArray());
        Assert.Equal("unknownRefundTarget", result.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ingest_JsonEvents_AreIngestedLikeCsv()
    {
        using var program = new OperatorProgram();
        await program.SetUpAsync();
        string events = program.File("events.json", """[{ "id": "pay-1", "kind": "subscriptionPayment", "occurredAt": "2026-11-02T10:00:00Z", "user": "user-1", "amount": 0.49 }]""");

        CliRun ingest = await program.RunAsync("ingest", "-r", OperatorProgram.Registry, "--events", events, "--json");
        CliRun twice = await program.RunAsync("ingest", "-r", OperatorProgram.Registry, "--events", events, "--json");

        Assert.Equal(0, ingest.ExitCode);
        Assert.Equal(1, ingest.Json.GetProperty("statuses").GetProperty("recorded").GetInt32());
        Assert.Equal(1, twice.Json.GetProperty("statuses").GetProperty("duplicate").GetInt32());
    }

    [Fact]
    public async Task CodeCreate_SignedByAnotherKey_IsRefusedAsBadSignature()
    {
        using var program = new OperatorProgram();
        Assert.Equal(0, (await program.RunAsync("registry", "create", "--terms", OperatorProgram.Terms("subscription"))).ExitCode);

        CliRun created = await program.CreateCodeAsync("BOT1", Affiliates.Solana.Keys.Keypair.Generate());

        Assert.Equal(1, created.ExitCode);
        Assert.Contains("BadSignature", created.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegistryCreate_Twice_IsRefused()
    {
        using var program = new OperatorProgram();
        Assert.Equal(0, (await program.RunAsync("registry", "create", "--terms", OperatorProgram.Terms("subscription"))).ExitCode);

        CliRun again = await program.RunAsync("registry", "create", "--terms", OperatorProgram.Terms("subscription"));

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("RegistryTaken", again.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rujira")]
    [InlineData("subscription")]
    [InlineData("reseller")]
    public async Task RegistryCreate_SampleTerms_AreAccepted(string terms)
    {
        using var program = new OperatorProgram();

        CliRun created = await program.RunAsync("registry", "create", "--terms", OperatorProgram.Terms(terms), "--json");

        Assert.Equal(0, created.ExitCode);
        Assert.Equal(1, created.Json.GetProperty("created").GetProperty("termsVersion").GetInt32());
    }

    [Fact]
    public async Task Link_RemoveOnAPermanentRegistry_IsRefused()
    {
        using var program = new OperatorProgram();
        await program.SetUpAsync();

        CliRun removed = await program.RunAsync("link", "-r", OperatorProgram.Registry, "--user", "user-1", "--remove");

        Assert.Equal(1, removed.ExitCode);
        Assert.Contains("user-1", removed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Split_WorkedExample_Gives925To60To15()
    {
        CliRun split = await CliRun.RunAsync("split", "--fee", "1000", "--referral-fee", "5%", "--multiplier", "1.5", "--kickback", "20%", "--json");

        Assert.Equal(0, split.ExitCode);
        Assert.Equal("925", split.Json.GetProperty("protocol").GetString());
        Assert.Equal("60", split.Json.GetProperty("partner").GetString());
        Assert.Equal("15", split.Json.GetProperty("user").GetString());
    }

    [Fact]
    public async Task PoolDistribute_TradesFile_DistributesThePoolExactly()
    {
        using var folder = new TempFolder();
        string trades = folder.File("trades.csv", """
            id,trader,referrer,time,sell,buy,volume_usd
            t1,alice,aff-1,2027-01-02T00:00:00Z,WETH,USDC,250000
            t2,bob,aff-2,2027-01-03T00:00:00Z,WETH,COW,1000000
            t3,carol,,2027-01-03T00:00:00Z,WETH,USDC,5000
            """);

        CliRun run = await CliRun.RunAsync("pool", "distribute", "--trades", trades, "--tokens", "WETH,USDC,COW", "--stables", "USDC", "--cap", "100%");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("aff-2", run.Console, StringComparison.Ordinal);
        Assert.Contains("Distributed", run.Console, StringComparison.Ordinal);
    }
}
