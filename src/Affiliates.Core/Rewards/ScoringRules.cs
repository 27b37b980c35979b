using NodaTime;

namespace Affiliates.Rewards;

/// <summary>How referred trades turn into affiliate score.</summary>
public sealed class ScoringRules
{
    /// <summary>Initializes a new instance of the <see cref="ScoringRules"/> class.</summary>
    /// <param name="stableFactor">The share of stable-to-stable volume that counts; 10 % when null.</param>
    /// <param name="firstTrades">How many of an address's first trades count; at least 1.</param>
    /// <param name="firstDays">How many days from an address's first trade count; at least 0.</param>
    /// <param name="addressCap">The most volume one address can ever contribute, in USD base units; $1 000 000 when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range or the cap is negative.</exception>
    public ScoringRules(Rate? stableFactor = null, int firstTrades = 30, int firstDays = 30, Amount? addressCap = null)
    {
        Preconditions.InRange(firstTrades, 1, int.MaxValue);
        Preconditions.InRange(firstDays, 0, 36_500);
        Amount cap = addressCap ?? Asset.Usd.Whole(1_000_000);
        Preconditions.NotNegative(cap.Units, nameof(addressCap));
        StableFactor = stableFactor ?? Rate.FromPercent(10);
        FirstTrades = firstTrades;
        FirstPeriod = Duration.FromDays(firstDays);
        AddressCap = cap;
    }

    /// <summary>Gets the CoW defaults: stable-to-stable ×10 %, first 30 trades or 30 days, $1M per address.</summary>
    public static ScoringRules Default { get; } = new();

    /// <summary>Gets the share of stable-to-stable volume that counts (the product is truncated toward zero).</summary>
    public Rate StableFactor { get; }

    /// <summary>Gets how many of an address's first trades count.</summary>
    public int FirstTrades { get; }

    /// <summary>Gets how long after an address's first trade its trades count.</summary>
    public Duration FirstPeriod { get; }

    /// <summary>Gets the most volume one address can ever contribute, in USD base units.</summary>
    public Amount AddressCap { get; }
}
