namespace Affiliates.Settlement;

/// <summary>What a statement line pays.</summary>
/// <remarks>The values are stored and hashed; they never change meaning.</remarks>
public enum StatementLineKind
{
    /// <summary>The partner's commission on attributed revenue.</summary>
    Commission = 1,

    /// <summary>The affiliate fee the host charged on top of the notional for the partner.</summary>
    AffiliateFee = 2,

    /// <summary>The user's kickback of the referral fee.</summary>
    Kickback = 3,
}
