namespace Affiliates.Programs;

/// <summary>One rung of a multiplier ladder: a code whose trailing revenue is strictly above <paramref name="Above"/> earns <paramref name="Multiplier"/>.</summary>
/// <param name="Above">The exclusive revenue threshold, in the registry's payout asset base units.</param>
/// <param name="Multiplier">The multiplier applied to the referral fee above that threshold.</param>
public sealed record MultiplierStep(Amount Above, Multiplier Multiplier);
