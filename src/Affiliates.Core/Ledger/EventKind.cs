namespace Affiliates.Ledger;

/// <summary>The kinds of revenue events a registry ingests.</summary>
public enum EventKind
{
    /// <summary>A subscription payment; the amount is the payment.</summary>
    SubscriptionPayment,

    /// <summary>A trade; the amount is the protocol fee, the notional the traded volume.</summary>
    Trade,

    /// <summary>A continuous fee (lending interest, vault fee) collected for a vault position; split with the code linked at deposit.</summary>
    FeeCollection,

    /// <summary>A vault deposit; links the code passed with it to (user, vault), and its amount is the deposit fee if any.</summary>
    VaultDeposit,

    /// <summary>A refund of all or part of an earlier event; reverses its share of what that event earned.</summary>
    Refund,
}
