namespace Affiliates.Pools;

/// <summary>An epoch's pool taken from a fixed total allocation (see <see cref="PoolSizing.DrawFromAllocation"/>).</summary>
/// <param name="Pool">The pool the epoch gets.</param>
/// <param name="Remaining">What is left of the allocation afterwards; zero once it is exhausted.</param>
/// <param name="Shortfall">How much of the computed pool the allocation could not cover.</param>
public readonly record struct PoolDraw(Amount Pool, Amount Remaining, Amount Shortfall)
{
    /// <summary>Gets a value indicating whether the allocation is used up.</summary>
    public bool Exhausted => Remaining.IsZero;
}
