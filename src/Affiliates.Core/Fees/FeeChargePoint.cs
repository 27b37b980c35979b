namespace Affiliates.Fees;

/// <summary>When an affiliate fee is charged on top of a user's notional.</summary>
public enum FeeChargePoint
{
    /// <summary>At the time of a one-step trade.</summary>
    Trade,

    /// <summary>At claim time, for limit and multi-step orders.</summary>
    Claim,

    /// <summary>At deposit time, for vault products.</summary>
    Deposit,
}
