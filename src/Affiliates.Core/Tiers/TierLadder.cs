namespace Affiliates.Tiers;

/// <summary>A ladder of commission tiers, optionally sticky (a partner never goes down).</summary>
/// <remarks>Tiers are ordered by their position in the ladder, not by name or rate.</remarks>
public sealed class TierLadder
{
    /// <summary>Initializes a new instance of the <see cref="TierLadder"/> class.</summary>
    /// <param name="ladder">The tiers and their thresholds.</param>
    /// <param name="neverDowngrade">True when a partner keeps their current tier even if the metric falls back.</param>
    public TierLadder(Ladder<Tier> ladder, bool neverDowngrade)
    {
        Ladder = Preconditions.NotNull(ladder);
        NeverDowngrade = neverDowngrade;
    }

    /// <summary>Gets the tiers and their thresholds.</summary>
    public Ladder<Tier> Ladder { get; }

    /// <summary>Gets a value indicating whether a partner keeps their current tier when the metric points lower.</summary>
    public bool NeverDowngrade { get; }

    /// <summary>Decides the tier for <paramref name="metric"/>.</summary>
    /// <param name="metric">The metric the ladder is over (lifetime revenue, monthly referrals).</param>
    /// <param name="current">The tier held so far, or null; must be one of this ladder's tiers.</param>
    /// <param name="manualOverride">An admin-set tier that wins over everything, or null; need not be on the ladder.</param>
    /// <exception cref="ArgumentException"><paramref name="current"/> is not one of this ladder's tiers.</exception>
    public TierAssignment Assign(Int128 metric, Tier? current, Tier? manualOverride)
    {
        int currentIndex = current is null ? -1 : IndexOfTier(current);
        int ladderIndex = Ladder.IndexOf(metric);
        Tier? ladderTier = ladderIndex < 0 ? null : Ladder.Steps[ladderIndex].Value;
        if (manualOverride is not null)
        {
            return new TierAssignment(manualOverride, TierRule.Override, ladderTier);
        }

        if (NeverDowngrade && currentIndex > ladderIndex)
        {
            return new TierAssignment(current, TierRule.Sticky, ladderTier);
        }

        return ladderTier is null
            ? new TierAssignment(null, TierRule.BelowFirstStep, null)
            : new TierAssignment(ladderTier, TierRule.Ladder, ladderTier);
    }

    private int IndexOfTier(Tier tier)
    {
        for (int i = 0; i < Ladder.Steps.Count; i++)
        {
            if (Ladder.Steps[i].Value == tier)
            {
                return i;
            }
        }

        throw new ArgumentException($"The current tier {tier} is not on this ladder.", "current");
    }
}
