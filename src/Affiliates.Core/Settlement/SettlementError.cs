namespace Affiliates.Settlement;

/// <summary>Why an epoch could not be settled.</summary>
public enum SettlementError
{
    /// <summary>A line belongs to another registry.</summary>
    LineFromAnotherRegistry,

    /// <summary>A line's time is after the epoch.</summary>
    LineOutsideEpoch,

    /// <summary>A line is in an asset the program does not pay in (another chain or symbol).</summary>
    UnknownAsset,

    /// <summary>A line claims the payout asset's chain and symbol but differs in decimals or contract (another token).</summary>
    AssetMismatch,

    /// <summary>The same line (time, event id, line id) appears twice.</summary>
    DuplicateLine,

    /// <summary>A partner's new referral count is negative.</summary>
    NegativeReferrals,

    /// <summary>A line names a terms version the settlement terms do not price.</summary>
    UnknownTermsVersion,

    /// <summary>A refund's line names a payment that is neither in the epoch nor priced in the request.</summary>
    UnknownPayment,
}
