namespace Affiliates.Pools;

/// <summary>The totals of a pool distribution; <see cref="Distributed"/> + <see cref="Unallocated"/> always equals <see cref="Pool"/>.</summary>
/// <param name="Pool">The pool that was distributed.</param>
/// <param name="ParticipantCap">The most any participant could receive: floor(pool × cap).</param>
/// <param name="Distributed">The sum of all rewards.</param>
/// <param name="Unallocated">What nobody could take (everyone with a score capped, or no score at all); it stays in the pool.</param>
/// <param name="CappedCount">How many participants were held at the cap.</param>
public readonly record struct PoolTotals(Amount Pool, Amount ParticipantCap, Amount Distributed, Amount Unallocated, int CappedCount);
