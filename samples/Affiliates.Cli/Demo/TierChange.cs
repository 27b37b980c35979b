namespace Affiliates.Cli.Demo;

/// <summary>A partner's tier changed from one week's statement to the next.</summary>
/// <param name="Partner">The partner.</param>
/// <param name="EpochId">The first week in the new tier.</param>
/// <param name="From">The tier before.</param>
/// <param name="To">The tier from this week on.</param>
/// <param name="LifetimeRevenue">The partner's lifetime attributed revenue at the end of that week.</param>
internal sealed record TierChange(string Partner, string EpochId, string From, string To, Amount LifetimeRevenue);
