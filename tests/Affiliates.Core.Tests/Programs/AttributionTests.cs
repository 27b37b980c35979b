using Affiliates.Programs;
using Affiliates.Storage;
using NodaTime;

namespace Affiliates.Tests.Programs;

public sealed class AttributionTests
{
    private const string Alice = "alice-wallet";
    private const string Bob = "bob-wallet";

    private static async Task<ProgramFixture> SetUpAsync(ProgramTerms? terms = null)
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync(terms);
        await f.CreateCodeAsync(Alice, "AB123");
        await f.CreateCodeAsync(Bob, "BOB77");
        return f;
    }

    [Fact]
    public async Task Click_IssuesATokenThatBindsTheConvertingUserWithinTheWindow()
    {
        ProgramFixture f = await SetUpAsync();

        ClickResult click = await f.Program.RecordClickAsync(new ClickRequest(ProgramFixture.Registry, "ab123", "203.0.113.9", "Mozilla/5.0"));
        f.Clock.Advance(Duration.FromDays(30) - Duration.FromTicks(1));
        BindResult bound = await f.Program.ConvertAsync(new ConversionRequest(ProgramFixture.Registry, "user", Token: click.Token));

        Assert.Equal(ClickOutcome.Recorded, click.Outcome);
        Assert.Equal("AB123", click.Code);
        Assert.Equal(BindOutcome.Bound, bound.Outcome);
        Assert.Equal("AB123", bound.Binding!.Code);
        AttributionClick stored = (await f.Store.GetClickAsync(click.Token!))!;
        Assert.DoesNotContain("203.0.113.9", stored.IpHash, StringComparison.Ordinal);
        Assert.Equal(64, stored.IpHash.Length);
    }

    [Fact]
    public async Task Token_AfterTheWindow_HasExpired()
    {
        ProgramFixture f = await SetUpAsync();
        ClickResult click = await f.Program.RecordClickAsync(new ClickRequest(ProgramFixture.Registry, "AB123"));
        f.Clock.Advance(Duration.FromDays(30));

        BindResult result = await f.Program.ConvertAsync(new ConversionRequest(ProgramFixture.Registry, "user", Token: click.Token));

        Assert.Equal(BindOutcome.TokenExpired, result.Outcome);
        Assert.Null(result.Binding);
    }

    [Fact]
    public async Task WalletRef_ResolvesToThePartnersCode()
    {
        ProgramFixture f = await SetUpAsync();

        ClickResult click = await f.Program.RecordClickAsync(new ClickRequest(ProgramFixture.Registry, Bob));
        ClickResult unknown = await f.Program.RecordClickAsync(new ClickRequest(ProgramFixture.Registry, "nobody-wallet"));

        Assert.Equal("BOB77", click.Code);
        Assert.Equal(ClickOutcome.UnknownReferrer, unknown.Outcome);
    }

    [Fact]
    public async Task TypedCode_WinsOverTheToken()
    {
        ProgramFixture f = await SetUpAsync();
        ClickResult click = await f.Program.RecordClickAsync(new ClickRequest(ProgramFixture.Registry, "AB123"));

        BindResult result = await f.Program.ConvertAsync(new ConversionRequest(ProgramFixture.Registry, "user", click.Token, "BOB77"));

        Assert.Equal("BOB77", result.Binding!.Code);
    }

    [Fact]
    public async Task FirstTouchPermanent_RefusesALaterCodeAndRemoval()
    {
        ProgramFixture f = await SetUpAsync(ProgramFixture.RujiraTerms with { BindingPolicy = BindingPolicy.FirstTouchPermanent });
        await f.BindAsync("user", "AB123");

        BindResult replaced = await f.BindAsync("user", "BOB77");
        BindResult removed = await f.Program.RemoveBindingAsync(ProgramFixture.Registry, "user");
        BindResult same = await f.BindAsync("user", "AB123");

        Assert.Equal(BindOutcome.PermanentlyBound, replaced.Outcome);
        Assert.Equal("AB123", replaced.Binding!.Code);
        Assert.Equal(BindOutcome.PermanentlyBound, removed.Outcome);
        Assert.Equal(BindOutcome.Unchanged, same.Outcome);
    }

    [Fact]
    public async Task FirstTouchPermanent_TwoConversionsReadingBeforeEitherCommits_BindOnce()
    {
        var rendezvous = new CommitRendezvous(parties: 2);
        IAffiliateStore store = CommitHookStore.Around(new InMemoryAffiliateStore(), rendezvous.ArriveAsync);
        ProgramFixture f = await new ProgramFixture(store: store).WithRegistryAsync(ProgramFixture.RujiraTerms with { BindingPolicy = BindingPolicy.FirstTouchPermanent });
        await f.CreateCodeAsync(Alice, "AB123");
        await f.CreateCodeAsync(Bob, "BOB77");
        rendezvous.Arm();

        BindResult[] results = await Task.WhenAll(f.BindAsync("user", "AB123"), f.BindAsync("user", "BOB77"));

        BindResult bound = Assert.Single(results, r => r.Outcome == BindOutcome.Bound);
        BindResult refused = Assert.Single(results, r => r.Outcome == BindOutcome.PermanentlyBound);
        Assert.Equal(bound.Binding, refused.Binding);
        Assert.Equal(bound.Binding, await store.GetBindingAsync(ProgramFixture.Registry, "user", Binding.AccountScope));
    }

    [Fact]
    public async Task Replaceable_TwoConversionsReadingBeforeEitherCommits_BothApplyInTurn()
    {
        var rendezvous = new CommitRendezvous(parties: 2);
        IAffiliateStore store = CommitHookStore.Around(new InMemoryAffiliateStore(), rendezvous.ArriveAsync);
        ProgramFixture f = await new ProgramFixture(store: store).WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "AB123");
        await f.CreateCodeAsync(Bob, "BOB77");
        rendezvous.Arm();

        BindResult[] results = await Task.WhenAll(f.BindAsync("user", "AB123"), f.BindAsync("user", "BOB77"));

        Assert.Single(results, r => r.Outcome == BindOutcome.Bound);
        BindResult replaced = Assert.Single(results, r => r.Outcome == BindOutcome.Replaced);
        Assert.Equal(replaced.Binding, await store.GetBindingAsync(ProgramFixture.Registry, "user", Binding.AccountScope));
    }

    [Fact]
    public async Task Replaceable_LetsTheUserReplaceAndRemoveTheirCode()
    {
        ProgramFixture f = await SetUpAsync();
        await f.BindAsync("user", "AB123");

        BindResult replaced = await f.BindAsync("user", "BOB77");
        BindResult removed = await f.Program.RemoveBindingAsync(ProgramFixture.Registry, "user");
        BindResult removedAgain = await f.Program.RemoveBindingAsync(ProgramFixture.Registry, "user");
        Ledger.IngestResult probe = await f.IngestAsync(f.Trade("t1", "user", 1_000));

        Assert.Equal(BindOutcome.Replaced, replaced.Outcome);
        Assert.Equal(BindOutcome.Removed, removed.Outcome);
        Assert.Equal(BindingStatus.Removed, removed.Binding!.Status);
        Assert.Equal(BindOutcome.NoReferral, removedAgain.Outcome);
        Assert.Equal(Ledger.FeeOutcome.Unattributed, probe.Outcome);
    }

    [Fact]
    public async Task SelfReferral_IsRefusedUnlessTheRegistryAllowsIt()
    {
        ProgramFixture strict = await SetUpAsync();
        ProgramFixture lenient = await SetUpAsync(ProgramFixture.RujiraTerms with { AllowSelfReferral = true });

        Assert.Equal(BindOutcome.SelfReferral, (await strict.BindAsync(Alice, "AB123")).Outcome);
        Assert.Equal(BindOutcome.SelfReferral, (await strict.BindAsync("pay-" + Alice, "AB123")).Outcome);
        Assert.Equal(BindOutcome.Bound, (await lenient.BindAsync(Alice, "AB123")).Outcome);
        Assert.Equal(Ledger.FeeOutcome.SelfReferral, (await strict.IngestAsync(strict.Trade("t1", Alice, 100, code: "AB123"))).Outcome);
    }

    [Fact]
    public async Task ExcludedAddresses_CannotBeReferredNorEarn()
    {
        ProgramFixture f = await SetUpAsync();
        await f.BindAsync("user", "BOB77");
        await f.ApplyAsync(ProgramFixture.Admin, new SetExclusion("wash-trader", true));
        await f.ApplyAsync(ProgramFixture.Admin, new SetExclusion("pay-" + Bob, true));

        BindResult user = await f.BindAsync("wash-trader", "AB123");
        BindResult partner = await f.BindAsync("someone", "BOB77");
        Ledger.IngestResult earned = await f.IngestAsync(f.Trade("t1", "user", 1_000));

        Assert.Equal(BindOutcome.ExcludedAddress, user.Outcome);
        Assert.Equal(BindOutcome.ExcludedAddress, partner.Outcome);
        Assert.Equal(Ledger.FeeOutcome.ExcludedAddress, earned.Outcome);
        Assert.Equal(1_000, ProgramFixture.ByKind(earned)[Ledger.LedgerEntryKind.Protocol]);
    }

    [Fact]
    public async Task NewUsersOnly_RefusesUsersWithEarlierActivity()
    {
        ProgramFixture f = await SetUpAsync(ProgramFixture.RujiraTerms with { NewUsersOnly = true });
        await f.IngestAsync(f.Trade("t0", "veteran", 10));

        Assert.Equal(BindOutcome.NotNewUser, (await f.BindAsync("veteran", "AB123")).Outcome);
        Assert.Equal(BindOutcome.Bound, (await f.BindAsync("newcomer", "AB123")).Outcome);
    }

    [Theory]
    [InlineData("NOPE99", BindOutcome.UnknownCode)]
    [InlineData("x!", BindOutcome.MalformedCode)]
    public async Task Conversion_WithABadCode_SaysWhy(string code, BindOutcome expected)
    {
        ProgramFixture f = await SetUpAsync();

        BindResult result = await f.BindAsync("user", code);

        Assert.Equal(expected, result.Outcome);
        Assert.False(result.IsBound);
    }

    [Fact]
    public async Task Conversion_WithoutTokenOrCode_OrWithAForeignToken_SaysWhy()
    {
        ProgramFixture f = await SetUpAsync();

        BindResult none = await f.Program.ConvertAsync(new ConversionRequest(ProgramFixture.Registry, "user"));
        BindResult forged = await f.Program.ConvertAsync(new ConversionRequest(ProgramFixture.Registry, "user", Token: "feedface"));
        BindResult registry = await f.Program.ConvertAsync(new ConversionRequest("elsewhere", "user", Code: "AB123"));

        Assert.Equal(BindOutcome.NoReferral, none.Outcome);
        Assert.Equal(BindOutcome.UnknownToken, forged.Outcome);
        Assert.Equal(BindOutcome.UnknownRegistry, registry.Outcome);
    }
}
