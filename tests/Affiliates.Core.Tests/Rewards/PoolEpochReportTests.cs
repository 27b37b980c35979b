using System.Text.Json;
using Affiliates.Rewards;
using static Affiliates.Tests.Rewards.RewardFixtures;

namespace Affiliates.Tests.Rewards;

public class PoolEpochReportTests
{
    private static PoolEpochResult Settled() =>
        Program(new RewardPoolTerms(Tokens, Flat(1_000), participantCap: Rate.FromPercent(50)))
            .SettleEpoch([Trade("t1", "c1", "C", Start, 100), Trade("t2", "a1", "A", Start, 600), Trade("t3", "b1", "B,Ltd", Start, 300)]);

    [Fact]
    public void Leaderboard_RanksByRewardThenScoreThenParticipant()
    {
        IReadOnlyList<PoolLeaderboardEntry> board = PoolEpochReport.Leaderboard(Settled());

        Assert.Equal(
            [new PoolLeaderboardEntry(1, "A", Usd(600), Cow(500), true), new PoolLeaderboardEntry(2, "B,Ltd", Usd(300), Cow(375), false), new PoolLeaderboardEntry(3, "C", Usd(100), Cow(125), false)],
            board);
    }

    [Fact]
    public void ToJson_CarriesEveryParticipantsScoreCapEffectAndRewardAsStrings()
    {
        using JsonDocument json = JsonDocument.Parse(PoolEpochReport.ToJson(Settled()));
        JsonElement root = json.RootElement;

        Assert.Equal("1000", root.GetProperty("pool").GetString());
        Assert.Equal("500", root.GetProperty("participantCap").GetString());
        Assert.Equal("0", root.GetProperty("returnedToOwner").GetProperty("amount").GetString());
        Assert.Equal("dao", root.GetProperty("returnedToOwner").GetProperty("owner").GetString());
        JsonElement a = root.GetProperty("participants")[0];
        Assert.Equal(
            ("A", "600", "600", "-100", "500", true),
            (a.GetProperty("participant").GetString(), a.GetProperty("scoreUsd").GetString(), a.GetProperty("proRataShare").GetString(), a.GetProperty("capEffect").GetString(), a.GetProperty("reward").GetString(), a.GetProperty("capped").GetBoolean()));
    }

    [Fact]
    public void ToCsv_HasOneLinePerParticipantAndTheOwnersReturnLine()
    {
        string[] lines = PoolEpochReport.ToCsv(Settled()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
        [
            "epoch,line,participant,score_usd,pro_rata_share,cap_effect,reward,capped,left_program",
            "0,reward,A,600,600,-100,500,true,false",
            "0,reward,\"B,Ltd\",300,300,75,375,false,false",
            "0,reward,C,100,100,25,125,false,false",
            "0,returned_to_owner,dao,,,,0,,",
        ],
            lines);
    }
}
