namespace Affiliates.Ledger;

/// <summary>Who a ledger entry credits.</summary>
public enum LedgerEntryKind
{
    /// <summary>The protocol's part of a fee, or all of it when no referral applied.</summary>
    Protocol,

    /// <summary>The partner's referral share (fee share), payable to the code's payment address.</summary>
    Partner,

    /// <summary>The kickback to the referred user (fee share).</summary>
    User,

    /// <summary>Revenue attributed to a code (revenue share); the commission on it is computed at settlement.</summary>
    AttributedRevenue,

    /// <summary>The affiliate fee charged on top of the notional, all of it the partner's.</summary>
    AffiliateFee,
}
