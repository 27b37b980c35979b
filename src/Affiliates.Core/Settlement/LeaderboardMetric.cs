namespace Affiliates.Settlement;

/// <summary>What a leaderboard ranks partners by.</summary>
public enum LeaderboardMetric
{
    /// <summary>Commission earned (clawbacks netted).</summary>
    Earnings,

    /// <summary>Referred revenue (attributed revenue, or commission volume for fee-share programs), clawbacks netted.</summary>
    Revenue,

    /// <summary>New referrals.</summary>
    Referrals,
}
