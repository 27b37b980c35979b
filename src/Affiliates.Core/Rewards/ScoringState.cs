using NodaTime;

namespace Affiliates.Rewards;

/// <summary>
/// What scoring carries from one epoch to the next: each address's first referrer, first trade time, trade count and
/// lifetime counted volume. Immutable; scoring returns a new state.
/// </summary>
public sealed class ScoringState
{
    internal ScoringState(Dictionary<string, AddressProgress> addresses, Instant? lastTime, string? lastTradeId)
    {
        Addresses = addresses;
        LastTime = lastTime;
        LastTradeId = lastTradeId;
    }

    /// <summary>Gets the state before any trade.</summary>
    public static ScoringState Empty { get; } = new(new Dictionary<string, AddressProgress>(StringComparer.Ordinal), null, null);

    /// <summary>Gets how many addresses have traded.</summary>
    public int AddressCount => Addresses.Count;

    internal Dictionary<string, AddressProgress> Addresses { get; }

    internal Instant? LastTime { get; }

    internal string? LastTradeId { get; }

    /// <summary>Returns the volume <paramref name="address"/> has contributed so far, in USD base units.</summary>
    /// <param name="address">The trading address.</param>
    public Amount CountedFor(string address) =>
        Addresses.TryGetValue(Preconditions.NotNull(address), out AddressProgress progress) ? Amount.FromUnits(progress.Counted) : Amount.Zero;

    /// <summary>Returns the affiliate <paramref name="address"/> is attributed to, or null when it is not (or never traded).</summary>
    /// <param name="address">The trading address.</param>
    public string? AffiliateOf(string address) =>
        Addresses.TryGetValue(Preconditions.NotNull(address), out AddressProgress progress) ? progress.Affiliate : null;
}
