namespace Affiliates.Ledger;

/// <summary>Why an event's revenue went where it went.</summary>
public enum FeeOutcome
{
    /// <summary>The referral applied.</summary>
    Applied,

    /// <summary>The user has no binding and no code came with the event; the protocol keeps the revenue.</summary>
    Unattributed,

    /// <summary>The code does not exist in the registry.</summary>
    UnknownCode,

    /// <summary>The code was retired.</summary>
    RetiredCode,

    /// <summary>The code does not match the registry's code rule.</summary>
    MalformedCode,

    /// <summary>The user or the partner is on the registry's exclusion list.</summary>
    ExcludedAddress,

    /// <summary>The user owns or is paid by the code and the registry refuses self-referral.</summary>
    SelfReferral,

    /// <summary>The code's kickback lies outside the range of the binding's terms.</summary>
    KickbackOutOfRange,

    /// <summary>The code's affiliate fee lies outside the range of the binding's terms, so none was charged.</summary>
    AffiliateFeeOutOfRange,

    /// <summary>The entry reverses (part of) a refunded event.</summary>
    Clawback,

    /// <summary>The code applied, but even at the ladder's highest multiplier the split credits neither the partner nor the user.</summary>
    NothingCredited,
}
