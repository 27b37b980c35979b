namespace Affiliates.Programs;

/// <summary>One tier of a revenue-share ladder: at or above <paramref name="AtLeast"/> of the metric, the partner earns <paramref name="Rate"/>.</summary>
/// <param name="Name">The tier's display name ("Tier 1", "Gold").</param>
/// <param name="AtLeast">The inclusive lower bound of the metric (base units for revenue, a count for referrals).</param>
/// <param name="Rate">The commission rate of the tier.</param>
public sealed record TierStep(string Name, Amount AtLeast, Rate Rate);
