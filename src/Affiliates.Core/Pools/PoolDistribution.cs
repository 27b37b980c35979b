namespace Affiliates.Pools;

/// <summary>The result of <see cref="PoolDistributor.Distribute(Amount, IReadOnlyList{Int128}, Rate)"/>.</summary>
public sealed class PoolDistribution
{
    internal PoolDistribution(PoolShare[] shares, PoolTotals totals)
    {
        Shares = shares;
        Totals = totals;
    }

    /// <summary>Gets each participant's share, in the order of the scores.</summary>
    public IReadOnlyList<PoolShare> Shares { get; }

    /// <summary>Gets the totals.</summary>
    public PoolTotals Totals { get; }

    /// <summary>Gets the sum of all rewards.</summary>
    public Amount Distributed => Totals.Distributed;

    /// <summary>Gets what nobody could take; <see cref="Distributed"/> + <see cref="Unallocated"/> equals the pool.</summary>
    public Amount Unallocated => Totals.Unallocated;
}
