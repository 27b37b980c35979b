namespace Affiliates.Programs;

/// <summary>An inclusive range of rates an admin allows partners to choose from.</summary>
/// <param name="Minimum">The lowest allowed rate.</param>
/// <param name="Maximum">The highest allowed rate.</param>
public sealed record RateRange(Rate Minimum, Rate Maximum)
{
    /// <summary>Gets a range that allows only zero.</summary>
    public static RateRange ZeroOnly { get; } = new(Rate.Zero, Rate.Zero);

    /// <summary>Returns whether <paramref name="rate"/> lies within the range, bounds included.</summary>
    public bool Contains(Rate rate) => rate >= Minimum && rate <= Maximum;
}
