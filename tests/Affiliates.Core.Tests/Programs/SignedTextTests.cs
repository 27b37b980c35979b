using Affiliates.Ledger;
using Affiliates.Programs;

namespace Affiliates.Tests.Programs;

/// <summary>The text a wallet signs must read back as exactly one request: no field may forge or hide a line.</summary>
public sealed class SignedTextTests
{
    private const string Alice = "alice-wallet";

    /// <summary>Line breaks, controls, bidirectional and zero-width format characters, and a lone surrogate, as UTF-16 code units.</summary>
    public static TheoryData<int> UnsafeCharacters() =>
    [
        '\n', '\r', 0x85, 0x2028, 0x2029, 0, '\t', 0x1b, 0x202e, 0x200b, 0x2066, 0xfeff, 0xd800,
    ];

    [Fact]
    public async Task SpoofedSignedText_ChannelWithALineBreakAndASecondPaymentAddress_IsRefused()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();

        ChangeResult result = await f.ApplyAsync(Alice, new CreateCode("AB123", "twitter\npayment-address: looks-like-mine", "pay-alice", Rate.Zero, Rate.Zero));

        Assert.Equal(ChangeOutcome.UnsafeText, result.Outcome);
        Assert.Contains("channel", result.Detail, StringComparison.Ordinal);
        Assert.Null(await f.Store.GetCodeAsync(ProgramFixture.Registry, "AB123"));
    }

    [Theory]
    [MemberData(nameof(UnsafeCharacters))]
    public async Task SpoofedSignedText_AnUnsafeCharacterInAnySignedField_IsRefusedNamingTheField(int codeUnit)
    {
        string unsafeCharacter = ((char)codeUnit).ToString();
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "AB123");
        string bad = "x" + unsafeCharacter + "y";
        (string Signer, ProgramChange Change, string Field)[] cases =
        [
            (Alice, new CreateCode("CD456", bad, "pay", Rate.Zero, Rate.Zero), "channel"),
            (Alice, new CreateCode("CD456", "", bad, Rate.Zero, Rate.Zero), "payment-address"),
            (Alice, new CreateCode("CD" + unsafeCharacter + "456", "", "pay", Rate.Zero, Rate.Zero), "code"),
            (Alice, new SetPaymentAddress("AB123", bad), "payment-address"),
            (ProgramFixture.Admin, new SetExclusion(bad, Excluded: true), "address"),
            (ProgramFixture.Admin, new PublishTerms(ProgramFixture.RujiraTerms with { CodePattern = "^[A-Z]{3,20}$" + unsafeCharacter }), "code-pattern"),
            (ProgramFixture.Admin, new PublishTerms(ProgramFixture.RujiraTerms with { ReservedCodes = ["ADMIN", bad] }), "reserved-codes"),
            (ProgramFixture.Admin, new PublishTerms(ProgramFixture.RujiraTerms with { PayoutAsset = new Asset("offchain", "US" + unsafeCharacter + "D", 6) }), "payout-asset"),
        ];

        foreach ((string signer, ProgramChange change, string field) in cases)
        {
            ChangeResult result = await f.ApplyAsync(signer, change);

            Assert.True(result.Outcome == ChangeOutcome.UnsafeText, $"{field} holding U+{codeUnit:X4}: {result.Outcome}");
            Assert.StartsWith(field + ":", result.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(ChangeOutcome.UnsafeText, (await f.Program.ApplyAsync(f.Sign(Alice, new SetKickback("AB123", Rate.Zero), nonceText: bad))).Outcome);
        Assert.Equal(ChangeOutcome.UnsafeText, (await f.Program.ApplyAsync(f.Sign(Alice + unsafeCharacter, new CreateCode("CD456", "", "pay", Rate.Zero, Rate.Zero)))).Outcome);
        Assert.Single(await f.Store.ListCodesByOwnerAsync(ProgramFixture.Registry, Alice));
        Assert.Equal(1, (await f.Store.GetRegistryAsync(ProgramFixture.Registry))!.TermsVersion);
    }

    [Theory]
    [InlineData("ADMIN,ROOT")]
    [InlineData("")]
    public async Task SpoofedSignedText_AReservedCodeThatReadsAsAnotherList_IsRefused(string reserved)
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();

        ChangeResult result = await f.ApplyAsync(ProgramFixture.Admin, new PublishTerms(ProgramFixture.RujiraTerms with { ReservedCodes = [reserved] }));

        Assert.Equal(ChangeOutcome.UnsafeText, result.Outcome);
    }

    [Fact]
    public async Task SpoofedSignedText_ATierNameHoldingAComma_IsRefused()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        ProgramTerms terms = ProgramFixture.RujiraTerms with { Tiers = [new TierStep("Gold,Silver>=0:1", Amount.Zero, Rate.FromPercent(20))] };

        ChangeResult result = await f.ApplyAsync(ProgramFixture.Admin, new PublishTerms(terms));

        Assert.Equal(ChangeOutcome.UnsafeText, result.Outcome);
    }

    [Fact]
    public async Task SpoofedSignedText_APayoutAssetPartHoldingItsSeparator_IsRefused()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();

        ChangeResult result = await f.ApplyAsync(ProgramFixture.Admin, new PublishTerms(ProgramFixture.RujiraTerms with { PayoutAsset = new Asset("solana:USDC", "X", 6) }));

        Assert.Equal(ChangeOutcome.UnsafeText, result.Outcome);
    }

    [Fact]
    public async Task CodeWithAFinalLineFeed_IsNotACodeDistinctFromTheCode()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "ABC");

        ChangeResult created = await f.ApplyAsync("bob-wallet", new CreateCode("ABC\n", "", "pay-bob", Rate.Zero, Rate.Zero));
        BindResult bound = await f.Program.ConvertAsync(new ConversionRequest(ProgramFixture.Registry, "user", Code: "ABC\n"));
        IngestResult traded = await f.IngestAsync(f.Trade("t1", "user", 1_000, code: "ABC\n"));

        Assert.NotEqual(ChangeOutcome.Applied, created.Outcome);
        Assert.Null(await f.Store.GetCodeAsync(ProgramFixture.Registry, "ABC\n"));
        Assert.Equal(BindOutcome.MalformedCode, bound.Outcome);
        Assert.Equal(FeeOutcome.MalformedCode, traded.Outcome);
    }

    [Theory]
    [InlineData("^[A-Z]{3}$")]
    [InlineData("[A-Z]{3}")]
    [InlineData("^[A-Z]{3}\\z")]
    public async Task CodeWithAFinalLineFeed_IsMalformedWhateverAnchorsThePatternUses(string pattern)
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync(ProgramFixture.RujiraTerms with { CodePattern = pattern });

        BindResult withLineFeed = await f.Program.ConvertAsync(new ConversionRequest(ProgramFixture.Registry, "user", Code: "ABC\n"));
        BindResult longer = await f.Program.ConvertAsync(new ConversionRequest(ProgramFixture.Registry, "user", Code: "ABCD"));
        BindResult exact = await f.Program.ConvertAsync(new ConversionRequest(ProgramFixture.Registry, "user", Code: "ABC"));

        Assert.Equal(BindOutcome.MalformedCode, withLineFeed.Outcome);
        Assert.Equal(BindOutcome.MalformedCode, longer.Outcome);
        Assert.Equal(BindOutcome.UnknownCode, exact.Outcome);
    }

    [Fact]
    public async Task CodePattern_ThatCouldEscapeTheWholeCodeGroup_IsInvalidTerms()
    {
        ProgramFixture f = new();

        RegistryResult result = await f.Program.CreateRegistryAsync(new NewRegistry(ProgramFixture.Registry, "R", ProgramFixture.Admin, ProgramFixture.RujiraTerms with { CodePattern = "(?x)[A-Z]+ # comment" }));

        Assert.Equal(ChangeOutcome.InvalidTerms, result.Outcome);
    }

    [Fact]
    public async Task SignedText_OfOrdinaryFields_IsUnchanged()
    {
        string message = SignedRequest.MessageFor("rujira", "alice", new CreateCode("ab123", "twitter", "pay", Rate.FromPercent(20), Rate.Zero), "n1", NodaTime.Instant.FromUtc(2026, 11, 1, 0, 0));

        Assert.Equal(
            "Affiliates signed request v1\nregistry: rujira\nsigner: alice\nchange: create-code\ncode: AB123\nchannel: twitter\npayment-address: pay\n" +
            "kickback-ppm: 200000\naffiliate-fee-ppm: 0\nnonce: n1\nexpires: 2026-11-01T00:00:00Z",
            message);
        Assert.True((await (await new ProgramFixture().WithRegistryAsync()).ApplyAsync(Alice, new CreateCode("AB123", "twitter", "pay", Rate.Zero, Rate.Zero))).IsApplied);
    }
}
