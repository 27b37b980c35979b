namespace Affiliates.Storage;

/// <summary>What a successful commit did.</summary>
/// <param name="SkippedEventIds">Ids of appended events that already existed, in call order; neither they nor their entries were written again.</param>
public sealed record CommitResult(IReadOnlyList<string> SkippedEventIds)
{
    /// <summary>Gets a result with no skipped events.</summary>
    public static CommitResult Clean { get; } = new(Array.Empty<string>());
}
