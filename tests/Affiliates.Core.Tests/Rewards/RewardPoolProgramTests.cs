using Affiliates.Pools;
using Affiliates.Rewards;
using NodaTime;
using static Affiliates.Tests.Rewards.RewardFixtures;

namespace Affiliates.Tests.Rewards;

public class RewardPoolProgramTests
{
    private static readonly Rate NoCap = Rate.Full;

    [Fact]
    public void SettleEpoch_HalfABillionOfEligibleScoreInTheFirstMonth_Gives550000Tokens()
    {
        RewardPoolProgram program = Program(new RewardPoolTerms(Tokens, PoolSizing.CowAffiliate));
        ReferredTrade[] trades = [.. Enumerable.Range(0, 500).Select(i => Trade($"t{i:D3}", $"trader{i:D3}", $"affiliate{i % 10}", Start, 1_000_000))];

        PoolEpochResult result = program.SettleEpoch(trades);

        Assert.Equal(Usd(500_000_000), result.EligibleScore);
        Assert.Equal(Cow(550_000), result.Pool);
        Assert.All(result.Participants, p => Assert.Equal(Cow(55_000), p.Reward));
        Assert.Equal(Amount.Zero, result.ReturnedToOwner.Amount);
    }

    [Fact]
    public void SettleEpoch_ThreeParticipantsOneAboveTheCap_RedistributesItsExcess()
    {
        // Pool 1 000, cap 50 % = 500. A's pro-rata 600 is held at 500; the other 500 goes 3:1 to B and C.
        RewardPoolProgram program = Program(new RewardPoolTerms(Tokens, Flat(1_000), participantCap: Rate.FromPercent(50)));

        PoolEpochResult result = program.SettleEpoch(
            [Trade("t1", "a1", "A", Start, 600), Trade("t2", "b1", "B", Start, 300), Trade("t3", "c1", "C", Start, 100)]);

        Assert.Equal(
        [
            new ParticipantReward("A", Usd(600), Cow(600), Cow(500), true, false),
            new ParticipantReward("B", Usd(300), Cow(300), Cow(375), false, false),
            new ParticipantReward("C", Usd(100), Cow(100), Cow(125), false, false),
        ],
            result.Participants);
        Assert.Equal(new PoolReturn("dao", Amount.Zero), result.ReturnedToOwner);
        Assert.Equal(Cow(500), program.Accounts.Account("A").Balance);
    }

    [Fact]
    public void SettleEpoch_WhatNobodyCanTake_IsReturnedToTheOwner()
    {
        RewardPoolProgram program = Program(new RewardPoolTerms(Tokens, Flat(1_000)));

        PoolEpochResult result = program.SettleEpoch(
            [Trade("t1", "a1", "A", Start, 600), Trade("t2", "b1", "B", Start, 300), Trade("t3", "c1", "C", Start, 100)]);

        Assert.All(result.Participants, p => Assert.Equal(Cow(200), p.Reward));
        Assert.Equal(new PoolReturn("dao", Cow(400)), result.ReturnedToOwner);
    }

    [Fact]
    public void SettleEpoch_WithoutScores_ReturnsTheWholeMinimumToTheOwner()
    {
        RewardPoolProgram program = Program(new RewardPoolTerms(Tokens, PoolSizing.CowAffiliate));

        PoolEpochResult result = program.SettleEpoch([]);

        Assert.Equal(new PoolReturn("dao", Cow(50_000)), result.ReturnedToOwner);
    }

    [Fact]
    public void SettleEpoch_WashTrading_ExcludedVolumeCountsForNothingAndItsReferrersRewardDrops()
    {
        var terms = new RewardPoolTerms(Tokens, PoolSizing.CowAffiliate, participantCap: NoCap);
        ReferredTrade[] trades =
        [
            Trade("t1", "alice", "A", Start, 100_000),
            Trade("t2", "wash", "A", Start + Duration.FromMinutes(1), 400_000),
            Trade("t3", "bob", "B", Start + Duration.FromMinutes(2), 500_000),
        ];
        var excluded = new Dictionary<string, string> { ["wash"] = "circular trades with 0xdead" };

        PoolEpochResult honest = Program(terms).SettleEpoch(trades);
        PoolEpochResult cleaned = Program(terms).SettleEpoch(trades, excluded);

        Assert.Equal(Cow(25_500), honest.Participants[0].Reward);
        Assert.Equal(Usd(100_000), cleaned.Participants[0].Score);
        Assert.Equal(Cow(50_600), cleaned.Pool);
        Assert.Equal(Cow(50_600).Units / 6, cleaned.Participants[0].Reward.Units);
        Assert.True(cleaned.Participants[0].Reward < honest.Participants[0].Reward);
        AddressOutcome wash = cleaned.Scoring.Addresses.Single(a => a.Address == "wash");
        Assert.Equal((AddressStatus.Excluded, "circular trades with 0xdead", Amount.Zero), (wash.Status, wash.ExclusionReason, wash.Counted));
    }

    [Fact]
    public void ChangeTerms_TakesEffectFromTheNextEpoch()
    {
        RewardPoolProgram program = Program(new RewardPoolTerms(Tokens, Flat(1_000)));
        program.ChangeTerms(new RewardPoolTerms(Tokens, Flat(2_000)));

        PoolEpochResult first = program.SettleEpoch([]);
        PoolEpochResult second = program.SettleEpoch([]);

        Assert.Equal((Cow(1_000), Cow(2_000)), (first.Pool, second.Pool));
        Assert.Equal(1, program.Terms.Versions[1].Key);
    }

    [Fact]
    public void ChangeTerms_TokenListChange_AppliesToTheNextEpochsTrades()
    {
        RewardPoolProgram program = Program(new RewardPoolTerms(Tokens, Flat(1_000), participantCap: NoCap));
        program.ChangeTerms(new RewardPoolTerms(new TokenList([Usdc, Dai, Weth, Unlisted], [Usdc, Dai]), Flat(1_000), participantCap: NoCap));

        PoolEpochResult first = program.SettleEpoch([Trade("t1", "alice", "A", Start, 10, Unlisted, Usdc)]);
        PoolEpochResult second = program.SettleEpoch([Trade("t2", "alice", "A", Start + Duration.FromDays(1), 10, Unlisted, Usdc)]);

        Assert.Equal((Amount.Zero, Usd(10)), (first.EligibleScore, second.EligibleScore));
    }

    [Fact]
    public void SettleEpoch_FixedAllocation_IsSpentUntilExhausted()
    {
        RewardPoolProgram program = Program(new RewardPoolTerms(Tokens, Flat(1_000)), allocation: Cow(1_500));

        Amount[] pools = [.. Enumerable.Range(0, 3).Select(_ => program.SettleEpoch([]).Pool)];

        Assert.Equal([Cow(1_000), Cow(500), Amount.Zero], pools);
        Assert.Equal(Amount.Zero, program.RemainingAllocation);
    }

    [Fact]
    public void SettleEpoch_ParticipantWhoLeft_IsReportedButNeitherCountedNorRewarded()
    {
        RewardPoolProgram program = Program(new RewardPoolTerms(Tokens, Flat(1_000), participantCap: NoCap));
        program.SettleEpoch([Trade("t1", "a1", "A", Start, 100), Trade("t2", "b1", "B", Start, 100)]);
        Assert.Equal(ClaimStatus.Exited, program.Accounts.Claim("c1", "A", ClaimMode.Exit).Status);

        PoolEpochResult result = program.SettleEpoch([Trade("t3", "a1", "A", Start + Duration.FromDays(1), 100), Trade("t4", "b1", "B", Start + Duration.FromDays(1), 100)]);

        Assert.Equal(new ParticipantReward("A", Usd(100), Amount.Zero, Amount.Zero, false, true), result.Participants[0]);
        Assert.Equal(Cow(1_000), result.Participants[1].Reward);
        Assert.Equal(Usd(100), result.EligibleScore);
        Assert.Equal(Amount.Zero, program.Accounts.Account("A").Balance);
    }
}
