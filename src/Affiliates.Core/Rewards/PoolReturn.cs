namespace Affiliates.Rewards;

/// <summary>The part of an epoch's pool nobody could take, returned to the pool's owner.</summary>
/// <param name="Owner">The pool's owner.</param>
/// <param name="Amount">The unallocated amount, in the reward asset's base units.</param>
public readonly record struct PoolReturn(string Owner, Amount Amount);
