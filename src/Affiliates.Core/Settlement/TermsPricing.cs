using Affiliates.Tiers;

namespace Affiliates.Settlement;

/// <summary>How one terms version prices the lines made under it.</summary>
/// <param name="Tiers">The commission tiers (revenue share); null when the version has none.</param>
/// <param name="Multipliers">The multiplier ladder over the code's trailing revenue (fee share); null for ×1.</param>
/// <param name="WindowDays">The trailing window of the multiplier, in whole UTC days before the event's day.</param>
public sealed record TermsPricing(TierLadder? Tiers, Ladder<Multiplier>? Multipliers, int WindowDays)
{
    /// <summary>Gets the window in days.</summary>
    public int WindowDays { get; } = WindowDays < 1
        ? throw new ArgumentOutOfRangeException(nameof(WindowDays), WindowDays, "WindowDays must be at least 1.")
        : WindowDays;
}
