namespace Affiliates.Ledger;

/// <summary>What a ledger entry books.</summary>
/// <remarks>The values are stored; they never change meaning.</remarks>
public enum LedgerEntryKind
{
    /// <summary>Revenue no referral applied to: all of it is the protocol's.</summary>
    Protocol = 0,

    /// <summary>Revenue (a fee or a payment) attributed to a code; what its partner and user earn of it is priced at settlement.</summary>
    AttributedRevenue = 3,

    /// <summary>The affiliate fee charged on top of the notional, all of it the partner's.</summary>
    AffiliateFee = 4,
}
