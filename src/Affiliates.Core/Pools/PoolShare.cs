namespace Affiliates.Pools;

/// <summary>One participant's part of a distributed pool.</summary>
/// <param name="Reward">What the participant receives, in the pool's base units.</param>
/// <param name="Capped">True when the participant was held at the per-participant cap.</param>
public readonly record struct PoolShare(Amount Reward, bool Capped);
