namespace Affiliates.Rewards;

/// <summary>An affiliate's score in an epoch.</summary>
/// <param name="Affiliate">The affiliate.</param>
/// <param name="Score">The counted volume of the addresses attributed to it, in USD base units.</param>
public readonly record struct AffiliateScore(string Affiliate, Amount Score);
