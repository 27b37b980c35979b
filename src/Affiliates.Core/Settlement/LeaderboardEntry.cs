namespace Affiliates.Settlement;

/// <summary>One row of a leaderboard.</summary>
/// <param name="Rank">The 1-based position; ties are broken by partner id, so ranks are distinct.</param>
/// <param name="Partner">The partner.</param>
/// <param name="Value">The partner's total of the ranked metric (a count for <see cref="LeaderboardMetric.Referrals"/>).</param>
public sealed record LeaderboardEntry(int Rank, string Partner, Int128 Value);
