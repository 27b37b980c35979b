namespace Affiliates.Programs;

/// <summary>The result of creating a registry.</summary>
/// <param name="Outcome">Applied, or why not (<see cref="ChangeOutcome.InvalidTerms"/>, <see cref="ChangeOutcome.RegistryTaken"/>, <see cref="ChangeOutcome.MissingField"/>).</param>
/// <param name="Detail">A sentence explaining the outcome.</param>
/// <param name="Registry">The registry, when created.</param>
public sealed record RegistryResult(ChangeOutcome Outcome, string Detail, Registry? Registry);
