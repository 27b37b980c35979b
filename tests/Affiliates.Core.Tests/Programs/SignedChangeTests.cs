using Affiliates.Hosting;
using Affiliates.Programs;
using Affiliates.Storage;
using NodaTime;

namespace Affiliates.Tests.Programs;

public sealed class SignedChangeTests
{
    private const string Alice = "alice-wallet";
    private const string Mallory = "mallory-wallet";

    private static async Task<ProgramFixture> WithAliceCodeAsync()
    {
        ProgramFixture f = await new ProgramFixture().WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "AB123", kickback: Rate.FromPercent(20));
        return f;
    }

    [Fact]
    public async Task PartnerChange_SignedByTheOwner_IsApplied()
    {
        ProgramFixture f = await WithAliceCodeAsync();

        ChangeResult result = await f.ApplyAsync(Alice, new SetKickback("ab123", Rate.FromPercent(30)));

        Assert.True(result.IsApplied);
        Assert.Equal(Rate.FromPercent(30), (await f.Store.GetCodeAsync(ProgramFixture.Registry, "AB123"))!.Kickback);
    }

    [Fact]
    public async Task ConsumedNonce_IsForgottenOnlyAfterItsRequestExpiredAndAFullRequestLifetimePassed()
    {
        ProgramFixture f = await WithAliceCodeAsync();
        SignedRequest old = f.Sign(Alice, new SetKickback("AB123", Rate.FromPercent(10)), nonceText: "old", lifetime: Duration.FromMinutes(10));
        Assert.True((await f.Program.ApplyAsync(old)).IsApplied);

        f.Clock.Advance(Duration.FromMinutes(10) + new AffiliatesOptions().MaxRequestLifetime);
        Assert.True((await f.ApplyAsync(Alice, new SetKickback("AB123", Rate.FromPercent(11)))).IsApplied);
        bool rememberedAtTheEdge = await IsRememberedAsync("old");
        f.Clock.Advance(Duration.FromTicks(1));
        Assert.True((await f.ApplyAsync(Alice, new SetKickback("AB123", Rate.FromPercent(12)))).IsApplied);

        Assert.True(rememberedAtTheEdge);
        Assert.False(await IsRememberedAsync("old"));
        Assert.Equal(ChangeOutcome.Expired, (await f.Program.ApplyAsync(old)).Outcome);

        async Task<bool> IsRememberedAsync(string nonce)
        {
            await using IAffiliateUnitOfWork probe = await f.Store.BeginAsync();
            probe.ConsumeNonce(Alice, nonce, f.Clock.Now);
            Exception? conflict = await Record.ExceptionAsync(async () => await probe.CommitAsync());
            return conflict is StoreConflictException { Conflict: StoreConflict.NonceUsed };
        }
    }

    [Fact]
    public async Task PartnerChange_SignedBySomeoneElse_IsNotAuthorised()
    {
        ProgramFixture f = await WithAliceCodeAsync();

        ChangeResult result = await f.ApplyAsync(Mallory, new SetPaymentAddress("AB123", "mallory-pay"));

        Assert.Equal(ChangeOutcome.NotAuthorised, result.Outcome);
        Assert.Equal("pay-" + Alice, (await f.Store.GetCodeAsync(ProgramFixture.Registry, "AB123"))!.PaymentAddress);
    }

    [Fact]
    public async Task PartnerChange_ClaimingTheOwnerButSignedByAnother_HasABadSignature()
    {
        ProgramFixture f = await WithAliceCodeAsync();

        ChangeResult result = await f.Program.ApplyAsync(f.Sign(Alice, new SetPaymentAddress("AB123", "mallory-pay"), signAs: Mallory));

        Assert.Equal(ChangeOutcome.BadSignature, result.Outcome);
    }

    [Fact]
    public async Task SignedRequest_WithAlteredChange_HasABadSignature()
    {
        ProgramFixture f = await WithAliceCodeAsync();
        SignedRequest signed = f.Sign(Alice, new SetKickback("AB123", Rate.FromPercent(10)));

        ChangeResult result = await f.Program.ApplyAsync(signed with { Change = new SetKickback("AB123", Rate.FromPercent(40)) });

        Assert.Equal(ChangeOutcome.BadSignature, result.Outcome);
    }

    [Fact]
    public async Task SignedRequest_AfterItsExpiry_IsRefusedAsExpired()
    {
        ProgramFixture f = await WithAliceCodeAsync();
        SignedRequest signed = f.Sign(Alice, new SetKickback("AB123", Rate.FromPercent(10)), lifetime: Duration.FromMinutes(5));
        f.Clock.Advance(Duration.FromMinutes(5));

        ChangeResult result = await f.Program.ApplyAsync(signed);

        Assert.Equal(ChangeOutcome.Expired, result.Outcome);
    }

    [Fact]
    public async Task SignedRequest_ExpiringTooFarAhead_IsRefused()
    {
        ProgramFixture f = await WithAliceCodeAsync();

        ChangeResult result = await f.Program.ApplyAsync(f.Sign(Alice, new SetKickback("AB123", Rate.FromPercent(10)), lifetime: Duration.FromDays(2)));

        Assert.Equal(ChangeOutcome.ExpiryTooFar, result.Outcome);
    }

    [Fact]
    public async Task SignedRequest_Replayed_IsRefusedAndChangesNothing()
    {
        ProgramFixture f = await WithAliceCodeAsync();
        SignedRequest signed = f.Sign(Alice, new SetKickback("AB123", Rate.FromPercent(10)), nonceText: "once");
        Assert.True((await f.Program.ApplyAsync(signed)).IsApplied);
        await f.ApplyAsync(Alice, new SetKickback("AB123", Rate.FromPercent(40)));

        ChangeResult replay = await f.Program.ApplyAsync(signed);

        Assert.Equal(ChangeOutcome.NonceReplayed, replay.Outcome);
        Assert.Equal(Rate.FromPercent(40), (await f.Store.GetCodeAsync(ProgramFixture.Registry, "AB123"))!.Kickback);
    }

    [Fact]
    public async Task RefusedRequest_DoesNotConsumeItsNonce()
    {
        ProgramFixture f = await WithAliceCodeAsync();

        ChangeResult outOfRange = await f.Program.ApplyAsync(f.Sign(Alice, new SetKickback("AB123", Rate.FromPercent(60)), nonceText: "n-x"));
        ChangeResult retried = await f.Program.ApplyAsync(f.Sign(Alice, new SetKickback("AB123", Rate.FromPercent(50)), nonceText: "n-x"));

        Assert.Equal(ChangeOutcome.OutOfRange, outOfRange.Outcome);
        Assert.Contains("kickback", outOfRange.Detail, StringComparison.Ordinal);
        Assert.True(retried.IsApplied);
    }

    [Fact]
    public async Task AffiliateFee_AboveTheAdminsRange_IsOutOfRange()
    {
        ProgramFixture f = await WithAliceCodeAsync();

        ChangeResult result = await f.ApplyAsync(Alice, new SetAffiliateFee("AB123", Rate.FromBasisPoints(301)));

        Assert.Equal(ChangeOutcome.OutOfRange, result.Outcome);
    }

    [Fact]
    public async Task AdminChange_SignedByAPartner_IsNotAuthorised()
    {
        ProgramFixture f = await WithAliceCodeAsync();

        ChangeResult overrideFee = await f.ApplyAsync(Alice, new SetReferralFeeOverride("AB123", Rate.FromPercent(50)));
        ChangeResult terms = await f.ApplyAsync(Alice, new PublishTerms(ProgramFixture.RujiraTerms));
        ChangeResult exclusion = await f.ApplyAsync(Alice, new SetExclusion("rival", true));

        Assert.All([overrideFee, terms, exclusion], r => Assert.Equal(ChangeOutcome.NotAuthorised, r.Outcome));
    }

    [Fact]
    public async Task PublishTerms_WithSeveralProblems_ListsThemAll()
    {
        ProgramFixture f = await WithAliceCodeAsync();
        ProgramTerms broken = ProgramFixture.RujiraTerms with
        {
            KickbackRange = new RateRange(Rate.FromPercent(5), Rate.FromPercent(1)),
            CodePattern = "[",
            AttributionWindow = Duration.FromHours(36),
        };

        ChangeResult result = await f.ApplyAsync(ProgramFixture.Admin, new PublishTerms(broken));

        Assert.Equal(ChangeOutcome.InvalidTerms, result.Outcome);
        Assert.Contains("KickbackRange", result.Detail, StringComparison.Ordinal);
        Assert.Contains("CodePattern", result.Detail, StringComparison.Ordinal);
        Assert.Contains("AttributionWindow", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_ToAnUnknownRegistryOrCode_SaysSo()
    {
        ProgramFixture f = await WithAliceCodeAsync();
        SignedRequest signed = f.Sign(Alice, new SetKickback("ZZZ999", Rate.Zero));

        ChangeResult unknownCode = await f.Program.ApplyAsync(signed);
        ChangeResult unknownRegistry = await f.Program.ApplyAsync(signed with { RegistryId = "nowhere" });

        Assert.Equal(ChangeOutcome.UnknownCode, unknownCode.Outcome);
        Assert.Equal(ChangeOutcome.UnknownRegistry, unknownRegistry.Outcome);
    }

    [Fact]
    public void Message_IsCanonicalAndCaseInsensitiveInTheCode()
    {
        Instant expires = Instant.FromUtc(2026, 11, 1, 12, 0);

        string message = SignedRequest.MessageFor("rujira", Alice, new SetKickback("ab123", Rate.FromPercent(20)), "n1", expires);

        Assert.Equal(
            "Affiliates signed request v1\nregistry: rujira\nsigner: alice-wallet\nchange: set-kickback\ncode: AB123\nkickback-ppm: 200000\nnonce: n1\nexpires: 2026-11-01T12:00:00Z",
            message);
        Assert.Equal(message, SignedRequest.MessageFor("rujira", Alice, new SetKickback("AB123", Rate.FromPercent(20)), "n1", expires));
    }
}
