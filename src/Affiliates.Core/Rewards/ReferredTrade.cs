using NodaTime;

namespace Affiliates.Rewards;

/// <summary>A trade as the reward pool sees it: who traded, through which referrer, what and how much.</summary>
/// <param name="Id">The trade's id, unique among trades.</param>
/// <param name="Trader">The trading address (normalized by the caller; compared ordinally).</param>
/// <param name="Referrer">The affiliate whose code or link the trade came through, or null when it was not referred.</param>
/// <param name="Time">When the trade happened.</param>
/// <param name="SellToken">The token sold.</param>
/// <param name="BuyToken">The token bought.</param>
/// <param name="VolumeUsd">The trade's volume in <see cref="Asset.Usd"/> base units (micro-dollars); not negative.</param>
public sealed record ReferredTrade(string Id, string Trader, string? Referrer, Instant Time, string SellToken, string BuyToken, Amount VolumeUsd);
