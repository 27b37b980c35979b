namespace Affiliates.Rewards;

/// <summary>What one trade contributed to its affiliate's score.</summary>
/// <param name="TradeId">The trade's id.</param>
/// <param name="Trader">The trading address.</param>
/// <param name="Affiliate">The affiliate the address is attributed to (the referrer of its first trade), or null.</param>
/// <param name="Status">Whether the volume counted, and if not, why.</param>
/// <param name="Counted">The score the trade added, in USD base units.</param>
public readonly record struct TradeOutcome(string TradeId, string Trader, string? Affiliate, TradeStatus Status, Amount Counted);
