using Affiliates.Settlement;
using static Affiliates.Tests.Settlement.SettlementFixture;

namespace Affiliates.Tests.Settlement;

public sealed class LeaderboardTests
{
    private static readonly EpochSettlement Settled = EpochSettler.Settle(Request(
        Subscription(),
        Week1,
        Line("carol", "e1", OneSol * 5),
        Line("alice", "e2", OneSol * 10),
        Line("bob", "e3", OneSol * 10),
        Line("dave", "e4", OneSol * 60),
        Line("dave", "refund-e4", -(OneSol * 20), hour: 2)) with
    {
        Referrals = new Dictionary<string, int> { ["carol"] = 7, ["bob"] = 2 },
    });

    [Fact]
    public void Rank_ByEarnings_HighestFirstWithTiesByPartnerId()
    {
        IReadOnlyList<LeaderboardEntry> board = Leaderboard.Rank(Settled.Statements, LeaderboardMetric.Earnings, top: 10);

        Assert.Equal(["dave", "alice", "bob", "carol"], board.Select(e => e.Partner));
        Assert.Equal([1, 2, 3, 4], board.Select(e => e.Rank));
        Assert.Equal((OneSol * 8).Units, board[0].Value);
    }

    [Fact]
    public void Rank_ByRevenue_NetsClawbacksAndHonoursTop()
    {
        IReadOnlyList<LeaderboardEntry> board = Leaderboard.Rank(Settled.Statements, LeaderboardMetric.Revenue, top: 2);

        Assert.Equal([("dave", (OneSol * 40).Units), ("alice", (OneSol * 10).Units)], board.Select(e => (e.Partner, e.Value)));
    }

    [Fact]
    public void Rank_ByReferrals_CountsReferrals()
    {
        IReadOnlyList<LeaderboardEntry> board = Leaderboard.Rank(Settled.Statements, LeaderboardMetric.Referrals, top: 2);

        Assert.Equal(["carol", "bob"], board.Select(e => e.Partner));
    }

    [Fact]
    public void Rank_DoesNotDependOnInputOrder() =>
        Assert.Equal(
            Leaderboard.Rank(Settled.Statements, LeaderboardMetric.Earnings, 10),
            Leaderboard.Rank(Settled.Statements.Reverse(), LeaderboardMetric.Earnings, 10));

    [Fact]
    public void Rank_OverSeveralEpochs_SumsPerPartner()
    {
        List<EpochSettlement> weeks = SettleInSequence(
            Subscription(), [Line("alice", "e1", OneSol), Line("bob", "e2", OneSol * 2)], [Line("alice", "e3", OneSol * 2, Week(1))]);

        IReadOnlyList<LeaderboardEntry> board = Leaderboard.Rank(weeks.SelectMany(w => w.Statements), LeaderboardMetric.Revenue, 10);

        Assert.Equal([("alice", (OneSol * 3).Units), ("bob", (OneSol * 2).Units)], board.Select(e => (e.Partner, e.Value)));
    }

    [Fact]
    public void Rank_AcrossRegistries_Throws() =>
        Assert.Throws<ArgumentException>(() => Leaderboard.Rank(
            [Settled.Statements[0], Settled.Statements[1] with { RegistryId = "other" }], LeaderboardMetric.Earnings, 10));

    [Fact]
    public void Rank_NegativeTop_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Leaderboard.Rank(Settled.Statements, LeaderboardMetric.Earnings, -1));
}
