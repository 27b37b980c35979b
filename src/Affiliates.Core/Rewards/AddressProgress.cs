using NodaTime;

namespace Affiliates.Rewards;

/// <summary>What scoring remembers about an address across epochs.</summary>
/// <param name="Affiliate">The referrer of the address's first trade; null when that trade was not referred.</param>
/// <param name="FirstTrade">When the address first traded.</param>
/// <param name="Trades">How many trades it has made.</param>
/// <param name="Counted">The volume it has contributed so far, in USD base units.</param>
internal readonly record struct AddressProgress(string? Affiliate, Instant FirstTrade, int Trades, Int128 Counted);
