namespace Affiliates.Brokers;

/// <summary>Which rule of a broker's delegated affiliates a request breaks.</summary>
public enum BrokerRule
{
    /// <summary>Not set; never reported.</summary>
    Unknown = 0,

    /// <summary>The broker already has <see cref="Broker.MaxAffiliates"/> affiliates.</summary>
    AffiliateLimitReached,

    /// <summary>A short id is outside 0 to 255.</summary>
    ShortIdOutOfRange,

    /// <summary>A short id is held by an active affiliate.</summary>
    ShortIdInUse,

    /// <summary>The account is already an active affiliate of this broker.</summary>
    AccountAlreadyRegistered,

    /// <summary>The account or short id is not an active affiliate of this broker.</summary>
    AffiliateNotRegistered,

    /// <summary>A text that must be an account or address is empty.</summary>
    MissingAddress,
}
