namespace Affiliates.Programs;

/// <summary>What a partner's tier is measured by at settlement.</summary>
public enum TierMetric
{
    /// <summary>Attributed revenue since the partner joined (the subscription program's 50 SOL rule).</summary>
    LifetimeRevenue,

    /// <summary>Users newly bound to the partner's codes within the epoch (the reseller program's monthly referrals).</summary>
    EpochReferrals,
}
