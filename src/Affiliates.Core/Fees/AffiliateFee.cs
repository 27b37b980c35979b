namespace Affiliates.Fees;

/// <summary>An affiliate fee a partner charges on top of a user's notional, within the admin's range.</summary>
public static class AffiliateFee
{
    /// <summary>Charges <paramref name="rate"/> on top of <paramref name="notional"/> if the rate is within <paramref name="range"/>.</summary>
    /// <remarks>
    /// The fee is <c>notional × rate</c> rounded down, so within one unit of its exact value and never in the partner's
    /// favour; the user pays notional + fee. A rate outside the range charges nothing and says why, rather than throwing,
    /// so that a partner's out-of-range setting never blocks the user's trade.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="notional"/> is negative, or
    /// <paramref name="when"/> is not a defined value.</exception>
    public static AffiliateFeeCharge Charge(Amount notional, Rate rate, AffiliateFeeRange range, FeeChargePoint when)
    {
        Preconditions.NotNegative(notional.Units, nameof(notional));
        if (!Enum.IsDefined(when))
        {
            Preconditions.ThrowOutOfRange(nameof(when), when, "must be a defined charge point");
        }

        AffiliateFeeStatus status = rate < range.Minimum ? AffiliateFeeStatus.RateBelowMinimum
            : rate > range.Maximum ? AffiliateFeeStatus.RateAboveMaximum
            : AffiliateFeeStatus.Applied;
        Amount fee = status == AffiliateFeeStatus.Applied ? notional.Times(rate) : Amount.Zero;
        return new AffiliateFeeCharge(notional, rate, when, status, fee);
    }
}
