namespace Affiliates.Tiers;

/// <summary>Which rule decided a <see cref="TierAssignment"/>.</summary>
public enum TierRule
{
    /// <summary>The ladder step for the metric.</summary>
    Ladder,

    /// <summary>The current tier was kept because the ladder never downgrades and the metric pointed lower.</summary>
    Sticky,

    /// <summary>A manual override, which wins over the ladder and stickiness.</summary>
    Override,

    /// <summary>The metric is below the first step and there is no tier to keep: no tier applies.</summary>
    BelowFirstStep,
}
