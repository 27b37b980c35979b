namespace Affiliates.Rewards;

/// <summary>A row of a reward pool epoch's leaderboard.</summary>
/// <param name="Rank">1-based position: by reward, then score, both descending, then participant.</param>
/// <param name="Participant">The affiliate.</param>
/// <param name="Score">Its score, in USD base units.</param>
/// <param name="Reward">Its reward, in the reward asset's base units.</param>
/// <param name="Capped">True when the reward was held at the participant cap.</param>
public readonly record struct PoolLeaderboardEntry(int Rank, string Participant, Amount Score, Amount Reward, bool Capped);
