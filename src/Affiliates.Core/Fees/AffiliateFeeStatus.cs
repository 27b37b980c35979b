namespace Affiliates.Fees;

/// <summary>Whether an affiliate fee was charged, and if not, why.</summary>
public enum AffiliateFeeStatus
{
    /// <summary>The fee was charged.</summary>
    Applied,

    /// <summary>The partner's rate is below the admin's minimum; nothing was charged.</summary>
    RateBelowMinimum,

    /// <summary>The partner's rate is above the admin's maximum; nothing was charged.</summary>
    RateAboveMaximum,
}
