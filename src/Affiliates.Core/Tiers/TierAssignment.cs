namespace Affiliates.Tiers;

/// <summary>The tier a partner holds after <see cref="TierLadder.Assign"/>, and why.</summary>
/// <param name="Tier">The tier that applies; null only when <see cref="DecidedBy"/> is <see cref="TierRule.BelowFirstStep"/>.</param>
/// <param name="DecidedBy">The rule that decided.</param>
/// <param name="LadderTier">What the ladder alone gives for the metric (null below the first step), for reporting.</param>
public sealed record TierAssignment(Tier? Tier, TierRule DecidedBy, Tier? LadderTier)
{
    /// <summary>Gets a value indicating whether a manual override decided the tier.</summary>
    public bool IsOverridden => DecidedBy == TierRule.Override;
}
