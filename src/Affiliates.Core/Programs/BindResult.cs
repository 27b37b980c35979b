namespace Affiliates.Programs;

/// <summary>The result of a conversion or a removal.</summary>
/// <param name="Outcome">What happened, or why nothing did.</param>
/// <param name="Binding">The binding in force afterwards, if any.</param>
public sealed record BindResult(BindOutcome Outcome, Binding? Binding)
{
    /// <summary>Gets a value indicating whether the user is bound as asked.</summary>
    public bool IsBound => Outcome is BindOutcome.Bound or BindOutcome.Replaced or BindOutcome.Unchanged;
}
