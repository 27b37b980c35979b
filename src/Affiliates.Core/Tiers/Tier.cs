namespace Affiliates.Tiers;

/// <summary>A named commission tier.</summary>
/// <param name="Name">The tier's display name ("Gold").</param>
/// <param name="Rate">The commission rate the tier earns.</param>
public sealed record Tier(string Name, Rate Rate)
{
    /// <summary>Gets the tier's display name.</summary>
    public string Name { get; } = string.IsNullOrWhiteSpace(Name)
        ? throw new ArgumentException("A tier needs a name.", nameof(Name))
        : Name;

    /// <summary>Returns "Name (rate)".</summary>
    public override string ToString() => $"{Name} ({Rate})";
}
