namespace Affiliates.Tiers;

/// <summary>One step of a <see cref="Ladder{TValue}"/>: the value that applies from <paramref name="Threshold"/> up.</summary>
/// <typeparam name="TValue">What the step grants (a tier, a multiplier).</typeparam>
/// <param name="Threshold">The metric at which the step starts; compared according to the ladder's <see cref="LadderBoundary"/>.</param>
/// <param name="Value">What the step grants.</param>
public readonly record struct LadderStep<TValue>(Int128 Threshold, TValue Value);
