namespace Affiliates.Fees;

/// <summary>The outcome of charging an affiliate fee on top of a user's notional.</summary>
/// <remarks>When <see cref="Status"/> is not <see cref="AffiliateFeeStatus.Applied"/>, <see cref="Fee"/> is zero.</remarks>
public readonly record struct AffiliateFeeCharge
{
    internal AffiliateFeeCharge(Amount notional, Rate rate, FeeChargePoint when, AffiliateFeeStatus status, Amount fee)
    {
        Notional = notional;
        Rate = rate;
        When = when;
        Status = status;
        Fee = fee;
    }

    /// <summary>Gets the notional the fee is charged on.</summary>
    public Amount Notional { get; }

    /// <summary>Gets the partner's requested rate.</summary>
    public Rate Rate { get; }

    /// <summary>Gets when the fee is charged.</summary>
    public FeeChargePoint When { get; }

    /// <summary>Gets whether the fee was charged and, if not, why.</summary>
    public AffiliateFeeStatus Status { get; }

    /// <summary>Gets a value indicating whether the fee was charged.</summary>
    public bool IsApplied => Status == AffiliateFeeStatus.Applied;

    /// <summary>Gets the fee charged, zero when not applied.</summary>
    public Amount Fee { get; }

    /// <summary>Gets what the user pays in total: notional plus fee.</summary>
    public Amount TotalPaid => Notional + Fee;
}
