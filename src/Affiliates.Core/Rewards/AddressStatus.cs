namespace Affiliates.Rewards;

/// <summary>Whether an address's volume can count at all.</summary>
public enum AddressStatus
{
    /// <summary>The address's first trade came through a referral; its trades count within the window and the cap.</summary>
    Eligible,

    /// <summary>The address's first trade did not come through a referral; it never counts.</summary>
    FirstTradeNotReferred,

    /// <summary>The address is excluded (for example for wash trading); it counts nothing.</summary>
    Excluded,
}
