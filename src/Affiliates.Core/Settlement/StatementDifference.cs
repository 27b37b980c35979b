namespace Affiliates.Settlement;

/// <summary>One difference between a stored and a recomputed statement.</summary>
/// <param name="Partner">The partner whose statement differs.</param>
/// <param name="Field">The field ("Payable"), "statement" when one side has no statement, or "line {event id}#{sequence}".</param>
/// <param name="Expected">The stored value, or null when absent.</param>
/// <param name="Actual">The recomputed value, or null when absent.</param>
public sealed record StatementDifference(string Partner, string Field, string? Expected, string? Actual);
