namespace Affiliates.Tiers;

/// <summary>How a ladder step's threshold is compared with the metric.</summary>
public enum LadderBoundary
{
    /// <summary>A step applies when the metric is at least its threshold (metric ≥ threshold).</summary>
    InclusiveLowerBound,

    /// <summary>A step applies when the metric is strictly above its threshold (metric &gt; threshold).</summary>
    ExclusiveLowerBound,
}
