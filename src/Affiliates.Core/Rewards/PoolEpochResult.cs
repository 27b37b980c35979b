using Affiliates.Pools;

namespace Affiliates.Rewards;

/// <summary>The settlement of one epoch of a reward pool: scores, pool, rewards and what went back to the owner.</summary>
/// <remarks>The sum of the rewards plus <see cref="ReturnedToOwner"/> equals <see cref="Pool"/> exactly.</remarks>
public sealed class PoolEpochResult
{
    internal PoolEpochResult(
        int epochIndex,
        Asset rewardAsset,
        Amount pool,
        PoolDraw? draw,
        Amount eligibleScore,
        PoolTotals totals,
        ParticipantReward[] participants,
        PoolReturn returnedToOwner,
        ScoringResult scoring)
    {
        EpochIndex = epochIndex;
        RewardAsset = rewardAsset;
        Pool = pool;
        Draw = draw;
        EligibleScore = eligibleScore;
        Totals = totals;
        Participants = participants;
        ReturnedToOwner = returnedToOwner;
        Scoring = scoring;
    }

    /// <summary>Gets the 0-based epoch index.</summary>
    public int EpochIndex { get; }

    /// <summary>Gets the asset the pool is paid in.</summary>
    public Asset RewardAsset { get; }

    /// <summary>Gets the epoch's pool, in the reward asset's base units.</summary>
    public Amount Pool { get; }

    /// <summary>Gets how the pool was drawn from the fixed allocation, or null when the program has none.</summary>
    public PoolDraw? Draw { get; }

    /// <summary>Gets the sum of the scores of participants still in the program, in USD base units.</summary>
    public Amount EligibleScore { get; }

    /// <summary>Gets the distribution totals (participant cap, distributed, unallocated, how many were capped).</summary>
    public PoolTotals Totals { get; }

    /// <summary>Gets one line per scored affiliate, ordered by affiliate.</summary>
    public IReadOnlyList<ParticipantReward> Participants { get; }

    /// <summary>Gets the unallocated part of the pool, returned to the pool's owner.</summary>
    public PoolReturn ReturnedToOwner { get; }

    /// <summary>Gets the scoring behind the distribution, with every trade's and address's outcome.</summary>
    public ScoringResult Scoring { get; }
}
