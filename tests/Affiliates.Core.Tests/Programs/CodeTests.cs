using Affiliates.Ledger;
using Affiliates.Programs;
using NodaTime;

namespace Affiliates.Tests.Programs;

public sealed class CodeTests
{
    private const string Alice = "alice-wallet";
    private const string Bob = "bob-wallet";

    [Theory]
    [InlineData("ab", ChangeOutcome.MalformedCode)]
    [InlineData("has space", ChangeOutcome.MalformedCode)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", ChangeOutcome.MalformedCode)]
    [InlineData("admin", ChangeOutcome.ReservedCode)]
    [InlineData("Good_Code-1", ChangeOutcome.Applied)]
    public async Task CreateCode_ChecksTheRegistrysRules(string code, ChangeOutcome expected)
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();

        ChangeResult result = await f.ApplyAsync(Alice, new CreateCode(code, "", "pay", Rate.Zero, Rate.Zero));

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public async Task Codes_AreCaseInsensitiveAndUniquePerRegistry()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "ab123");

        ChangeResult again = await f.ApplyAsync(Bob, new CreateCode("AB123", "", "pay", Rate.Zero, Rate.Zero));

        Assert.Equal(ChangeOutcome.CodeTaken, again.Outcome);
        Assert.Equal(Alice, (await f.Store.GetCodeAsync(ProgramFixture.Registry, "AB123"))!.OwnerAddress);
    }

    [Fact]
    public async Task Owner_MayHoldOneCodePerChannel()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "ALICE-X", channel: "x");
        await f.CreateCodeAsync(Alice, "ALICE-TG", channel: "telegram");

        ChangeResult second = await f.ApplyAsync(Alice, new CreateCode("ALICE-X2", "x", "pay", Rate.Zero, Rate.Zero));

        Assert.Equal(ChangeOutcome.ChannelTaken, second.Outcome);
        Assert.Equal(2, (await f.Store.ListCodesByOwnerAsync(ProgramFixture.Registry, Alice)).Count);
    }

    [Fact]
    public async Task RetiredCode_IsNotReusableBeforeTheCooldown_AndComesBackAsANewGenerationWithoutReferrals()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync(ProgramFixture.RujiraTerms with { MultiplierLadder = [] });
        await f.CreateCodeAsync(Alice, "AB123");
        await f.BindAsync("user", "AB123");
        await f.IngestAsync(f.Trade("t1", "user", 1_000));
        Assert.True((await f.ApplyAsync(Alice, new RetireCode("AB123"))).IsApplied);

        f.Clock.Advance(ProgramTermsDefaults.CodeCooldown - Duration.FromSeconds(1));
        ChangeResult tooEarly = await f.ApplyAsync(Bob, new CreateCode("AB123", "", "pay-bob", Rate.Zero, Rate.Zero));
        f.Clock.Advance(Duration.FromSeconds(1));
        ChangeResult reborn = await f.ApplyAsync(Bob, new CreateCode("AB123", "", "pay-bob", Rate.Zero, Rate.Zero));
        IngestResult oldReferral = await f.IngestAsync(f.Trade("t2", "user", 1_000));

        Assert.Equal(ChangeOutcome.CodeCoolingDown, tooEarly.Outcome);
        Assert.True(reborn.IsApplied);
        Assert.Equal(2, (await f.Store.GetCodeAsync(ProgramFixture.Registry, "AB123"))!.Generation);
        Assert.Equal(FeeOutcome.RetiredCode, oldReferral.Outcome);
        Assert.Equal(LedgerEntryKind.Protocol, Assert.Single(oldReferral.Entries).Kind);
        IReadOnlyList<CodeTotals> totals = await f.Program.GetTotalsAsync(ProgramFixture.Registry, Instant.MinValue, Instant.MaxValue);
        Assert.Equal(1, Assert.Single(totals).Generation);
    }

    [Fact]
    public async Task RetiredCode_CannotBeChanged()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "AB123");
        await f.ApplyAsync(ProgramFixture.Admin, new RetireCode("AB123"));

        ChangeResult result = await f.ApplyAsync(Alice, new SetKickback("AB123", Rate.FromPercent(10)));

        Assert.Equal(ChangeOutcome.CodeRetired, result.Outcome);
    }
}
