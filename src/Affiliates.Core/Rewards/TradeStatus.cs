namespace Affiliates.Rewards;

/// <summary>Whether a trade's volume counted toward its affiliate's score, and if not, why.</summary>
public enum TradeStatus
{
    /// <summary>The whole (stable-adjusted) volume counted.</summary>
    Counted,

    /// <summary>Only part counted: the address reached its lifetime cap with this trade.</summary>
    PartlyCounted,

    /// <summary>Nothing counted: the address had already reached its lifetime cap.</summary>
    AddressCapReached,

    /// <summary>Nothing counted: the address's first trade did not come through a referral.</summary>
    FirstTradeNotReferred,

    /// <summary>Nothing counted: the trade is past both the first-trades and the first-days window.</summary>
    OutsideWindow,

    /// <summary>Nothing counted: a token of the trade is not on the epoch's token list.</summary>
    TokenNotListed,

    /// <summary>Nothing counted: the address is excluded (for example for wash trading).</summary>
    Excluded,
}
