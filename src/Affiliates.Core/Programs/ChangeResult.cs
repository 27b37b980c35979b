namespace Affiliates.Programs;

/// <summary>The result of a signed change.</summary>
/// <param name="Outcome">Applied, or why not.</param>
/// <param name="Detail">A sentence explaining the outcome.</param>
public sealed record ChangeResult(ChangeOutcome Outcome, string Detail)
{
    /// <summary>Gets a value indicating whether the change was applied.</summary>
    public bool IsApplied => Outcome == ChangeOutcome.Applied;

    internal static ChangeResult Applied { get; } = new(ChangeOutcome.Applied, "applied");
}
