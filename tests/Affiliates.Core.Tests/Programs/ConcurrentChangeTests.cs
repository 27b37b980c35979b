using Affiliates.Programs;
using Affiliates.Storage;

namespace Affiliates.Tests.Programs;

/// <summary>Two signed changes of one record, each having read it before either commits: neither may be lost.</summary>
public sealed class ConcurrentChangeTests
{
    private const string Alice = "alice-wallet";

    public static TheoryData<string, string> CodeChangePairs()
    {
        string[] kinds = ["payment-address", "kickback", "affiliate-fee", "referral-fee-override", "retire"];
        var pairs = new TheoryData<string, string>();
        for (int a = 0; a < kinds.Length; a++)
        {
            for (int b = a + 1; b < kinds.Length; b++)
            {
                pairs.Add(kinds[a], kinds[b]);
            }
        }

        pairs.Add("retire", "retire");
        return pairs;
    }

    [Fact]
    public async Task LostUpdate_PublishTermsRacingSetExclusion_KeepsBothTheNewTermsAndTheExclusion()
    {
        (ProgramFixture f, CommitRendezvous rendezvous) = await SetUpAsync();
        rendezvous.Arm();

        ChangeResult[] results = await Task.WhenAll(
            f.ApplyAsync(ProgramFixture.Admin, new PublishTerms(ProgramFixture.RujiraTerms with { DefaultReferralFee = Rate.FromPercent(6) })),
            f.ApplyAsync(ProgramFixture.Admin, new SetExclusion("wash-trader", Excluded: true)));

        Assert.All(results, r => Assert.Equal(ChangeOutcome.Applied, r.Outcome));
        Registry registry = (await f.Store.GetRegistryAsync(ProgramFixture.Registry))!;
        Assert.Equal(2, registry.TermsVersion);
        Assert.Equal(["wash-trader"], registry.ExcludedAddresses);
        Assert.Equal(Rate.FromPercent(6), (await f.Store.GetTermsAsync(ProgramFixture.Registry, 2))!.DefaultReferralFee);
        Assert.Equal(ChangeOutcome.Applied, (await f.ApplyAsync(ProgramFixture.Admin, new PublishTerms(ProgramFixture.RujiraTerms))).Outcome);
    }

    [Fact]
    public async Task LostUpdate_TwoPublishTermsRacing_BothApplyAsConsecutiveVersions()
    {
        (ProgramFixture f, CommitRendezvous rendezvous) = await SetUpAsync();
        rendezvous.Arm();

        ChangeResult[] results = await Task.WhenAll(
            f.ApplyAsync(ProgramFixture.Admin, new PublishTerms(ProgramFixture.RujiraTerms with { DefaultReferralFee = Rate.FromPercent(6) })),
            f.ApplyAsync(ProgramFixture.Admin, new PublishTerms(ProgramFixture.RujiraTerms with { DefaultReferralFee = Rate.FromPercent(7) })));

        Assert.All(results, r => Assert.Equal(ChangeOutcome.Applied, r.Outcome));
        Assert.Equal(3, (await f.Store.GetRegistryAsync(ProgramFixture.Registry))!.TermsVersion);
        Rate[] published = [(await f.Store.GetTermsAsync(ProgramFixture.Registry, 2))!.DefaultReferralFee, (await f.Store.GetTermsAsync(ProgramFixture.Registry, 3))!.DefaultReferralFee];
        Assert.Equal([Rate.FromPercent(6), Rate.FromPercent(7)], published.Order());
    }

    [Fact]
    public async Task LostUpdate_TwoSetExclusionsRacing_ExcludeBothAddresses()
    {
        (ProgramFixture f, CommitRendezvous rendezvous) = await SetUpAsync();
        rendezvous.Arm();

        ChangeResult[] results = await Task.WhenAll(
            f.ApplyAsync(ProgramFixture.Admin, new SetExclusion("wash-1", Excluded: true)),
            f.ApplyAsync(ProgramFixture.Admin, new SetExclusion("wash-2", Excluded: true)));

        Assert.All(results, r => Assert.Equal(ChangeOutcome.Applied, r.Outcome));
        Assert.Equal(["wash-1", "wash-2"], (await f.Store.GetRegistryAsync(ProgramFixture.Registry))!.ExcludedAddresses);
    }

    [Fact]
    public async Task LostUpdate_RetireCodeRacingSetPaymentAddress_LeavesTheCodeRetiredAndLosesNoAppliedAddress()
    {
        (ProgramFixture f, CommitRendezvous rendezvous) = await SetUpAsync();
        rendezvous.Arm();

        ChangeResult[] results = await Task.WhenAll(
            f.ApplyAsync(Alice, new RetireCode("AB123")),
            f.ApplyAsync(Alice, new SetPaymentAddress("AB123", "pay-new")));

        PartnerCode code = (await f.Store.GetCodeAsync(ProgramFixture.Registry, "AB123"))!;
        Assert.Equal(ChangeOutcome.Applied, results[0].Outcome);
        Assert.Equal(CodeStatus.Retired, code.Status);
        Assert.Contains(results[1].Outcome, (ChangeOutcome[])[ChangeOutcome.Applied, ChangeOutcome.CodeRetired]);
        Assert.Equal(results[1].IsApplied ? "pay-new" : "pay-" + Alice, code.PaymentAddress);
    }

    [Theory]
    [MemberData(nameof(CodeChangePairs))]
    public async Task LostUpdate_TwoChangesOfOneCodeRacing_NeitherIsLost(string first, string second)
    {
        (ProgramFixture f, CommitRendezvous rendezvous) = await SetUpAsync();
        (string signer, ProgramChange change, Func<PartnerCode, bool> shows) a = Change(first, variant: 1);
        (string signer, ProgramChange change, Func<PartnerCode, bool> shows) b = Change(second, variant: 2);
        rendezvous.Arm();

        ChangeResult[] results = await Task.WhenAll(f.ApplyAsync(a.signer, a.change), f.ApplyAsync(b.signer, b.change));

        PartnerCode code = (await f.Store.GetCodeAsync(ProgramFixture.Registry, "AB123"))!;
        Assert.All(results, r => Assert.Contains(r.Outcome, (ChangeOutcome[])[ChangeOutcome.Applied, ChangeOutcome.CodeRetired]));
        Assert.Contains(results, r => r.IsApplied);
        if (first != "retire" && second != "retire")
        {
            Assert.All(results, r => Assert.True(r.IsApplied));
        }

        if (first == second)
        {
            Assert.Single(results, r => r.IsApplied);
        }

        Assert.True(!results[0].IsApplied || a.shows(code), $"{first} applied but is not in the stored code");
        Assert.True(!results[1].IsApplied || b.shows(code), $"{second} applied but is not in the stored code");
    }

    private static (string Signer, ProgramChange Change, Func<PartnerCode, bool> Shows) Change(string kind, int variant) => kind switch
    {
        "payment-address" => (Alice, new SetPaymentAddress("AB123", $"pay-{variant}"), c => c.PaymentAddress == $"pay-{variant}"),
        "kickback" => (Alice, new SetKickback("AB123", Rate.FromPercent(30 + variant)), c => c.Kickback == Rate.FromPercent(30 + variant)),
        "affiliate-fee" => (Alice, new SetAffiliateFee("AB123", Rate.FromBasisPoints(100 + variant)), c => c.AffiliateFee == Rate.FromBasisPoints(100 + variant)),
        "referral-fee-override" => (ProgramFixture.Admin, new SetReferralFeeOverride("AB123", Rate.FromPercent(6 + variant)), c => c.ReferralFeeOverride == Rate.FromPercent(6 + variant)),
        _ => (Alice, new RetireCode("AB123"), c => c.Status == CodeStatus.Retired),
    };

    private static async Task<(ProgramFixture Fixture, CommitRendezvous Rendezvous)> SetUpAsync()
    {
        var rendezvous = new CommitRendezvous(parties: 2);
        IAffiliateStore store = CommitHookStore.Around(new InMemoryAffiliateStore(), rendezvous.ArriveAsync);
        ProgramFixture f = await new ProgramFixture(store: store).WithRegistryAsync();
        await f.CreateCodeAsync(Alice, "AB123");
        return (f, rendezvous);
    }
}
