using Affiliates.Programs;
using Affiliates.Settlement;
using NodaTime;
using static Affiliates.Tests.Settlement.SettlementFixture;

namespace Affiliates.Tests.Settlement;

public sealed class SettlementErrorTests
{
    private static SettlementException Fails(SettlementRequest request) =>
        Assert.Throws<SettlementException>(() => EpochSettler.Settle(request));

    [Fact]
    public void Settle_LineFromAnotherRegistry_Fails()
    {
        SettlementException error = Fails(Request(Subscription(), Week1, Line("alice", "e1", OneSol) with { RegistryId = "other" }));

        Assert.Equal(SettlementError.LineFromAnotherRegistry, error.Error);
        Assert.Equal("e1#0", error.Key);
    }

    [Fact]
    public void Settle_LineAtTheEpochEnd_BelongsToTheNextEpochAndFails()
    {
        SettlementException error = Fails(Request(Subscription(), Week1, Line("alice", "e1", OneSol) with { OccurredAt = Week1.End }));

        Assert.Equal(SettlementError.LineOutsideEpoch, error.Error);
    }

    [Fact]
    public void Settle_LineBeforeTheEpoch_IsSettledAsLate()
    {
        SettlementRequest request = Request(Subscription(), Week1, Line("alice", "e1", OneSol) with { OccurredAt = Week1.Start - Duration.Epsilon, OwnEpochTierMetric = 0 });

        StatementLine line = Assert.Single(Assert.Single(EpochSettler.Settle(request).Statements).Lines);

        Assert.True(line.Late);
        Assert.Equal(Week1.Start - Duration.Epsilon, line.OccurredAt);
    }

    [Fact]
    public void Settle_LineInAnotherAsset_FailsAsUnknownAsset() =>
        Assert.Equal(SettlementError.UnknownAsset, Fails(Request(Subscription(), Week1, Line("alice", "e1", OneSol, asset: Asset.UsdcSolana))).Error);

    [Fact]
    public void Settle_LineInATokenPosingAsThePayoutAsset_FailsAsAssetMismatch()
    {
        var fakeSol = new Asset(Chains.Solana, "SOL", 9, "FakeMint1111111111111111111111111111111111");

        Assert.Equal(SettlementError.AssetMismatch, Fails(Request(Subscription(), Week1, Line("alice", "e1", OneSol, asset: fakeSol))).Error);
    }

    [Fact]
    public void Settle_EqualButDistinctAssetInstance_IsAccepted()
    {
        var sol = new Asset(Chains.Solana, "SOL", 9);

        Assert.Single(EpochSettler.Settle(Request(Subscription(), Week1, Line("alice", "e1", OneSol, asset: sol))).Statements);
    }

    [Fact]
    public void Settle_DuplicateLine_Fails()
    {
        SettlementLine line = Line("alice", "e1", OneSol);

        SettlementException error = Fails(Request(Subscription(), Week1, line, line));

        Assert.Equal(SettlementError.DuplicateLine, error.Error);
        Assert.Equal("e1#0", error.Key);
    }

    [Fact]
    public void Settle_DuplicateLineOutOfOrder_EvenUnderAnotherPartner_Fails()
    {
        SettlementLine line = Line("alice", "e1", OneSol, hour: 5);

        SettlementException error = Fails(Request(Subscription(), Week1, line, Line("bob", "e0", OneSol, hour: 2), line with { Partner = "carol" }));

        Assert.Equal(SettlementError.DuplicateLine, error.Error);
        Assert.Equal("e1#0", error.Key);
    }

    [Fact]
    public void Settle_NegativeReferrals_Fails()
    {
        SettlementRequest request = Request(Subscription(), Week1) with { Referrals = new Dictionary<string, int> { ["alice"] = -1 } };

        Assert.Equal(SettlementError.NegativeReferrals, Fails(request).Error);
    }

    [Fact]
    public void Terms_RevenueShareWithoutLadder_Throws() =>
        Assert.Throws<ArgumentException>(() => new SettlementTerms(ProgramKind.RevenueShare, Asset.Sol, Amount.Zero, DustRule.OnlyWhenClosed));

    [Fact]
    public void Terms_NegativeMinimum_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeShare(Amount.FromUnits(-1)));

    [Fact]
    public void DustRule_OfZeroEpochs_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DustRule(0));

    [Fact]
    public void PartnerState_NegativeIdleEpochs_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartnerState(Amount.Zero, string.Empty, Amount.Zero, -1));
}
