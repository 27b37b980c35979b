namespace Affiliates.Fees;

/// <summary>A partner's share of revenue (for example a subscription payment) and what the protocol keeps.</summary>
/// <remarks>
/// The partner gets <c>revenue × rate</c> truncated toward zero, so within one unit of its exact share; the protocol
/// gets the rest, including the rounding unit. A negative revenue (a refund) splits as the exact negation of the
/// positive one.
/// </remarks>
public readonly record struct RevenueShare
{
    private RevenueShare(Amount revenue, Rate rate, Amount partner)
    {
        Revenue = revenue;
        Rate = rate;
        Partner = partner;
    }

    /// <summary>Gets the revenue that was shared.</summary>
    public Amount Revenue { get; }

    /// <summary>Gets the partner's rate.</summary>
    public Rate Rate { get; }

    /// <summary>Gets the partner's commission.</summary>
    public Amount Partner { get; }

    /// <summary>Gets what the protocol keeps: revenue minus the partner's commission.</summary>
    public Amount Protocol => Revenue - Partner;

    /// <summary>Shares <paramref name="revenue"/> with a partner at <paramref name="rate"/>.</summary>
    /// <returns>The split; see the type's remarks for the rounding rule.</returns>
    public static RevenueShare Compute(Amount revenue, Rate rate) => new(revenue, rate, revenue.Times(rate));
}
