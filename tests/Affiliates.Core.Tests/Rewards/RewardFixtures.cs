using Affiliates.Pools;
using Affiliates.Rewards;
using NodaTime;

namespace Affiliates.Tests.Rewards;

/// <summary>Tokens, times, trades and programs shared by the reward tests.</summary>
internal static class RewardFixtures
{
    public const string Usdc = "usdc";
    public const string Dai = "dai";
    public const string Weth = "weth";
    public const string Unlisted = "pepe";

    public static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 0, 0);

    public static TokenList Tokens { get; } = new([Usdc, Dai, Weth], [Usdc, Dai]);

    public static Amount Usd(long dollars) => Asset.Usd.Whole(dollars);

    public static Amount Cow(long tokens) => Asset.Cow.Whole(tokens);

    public static ReferredTrade Trade(string id, string trader, string? referrer, Instant time, long dollars, string sell = Weth, string buy = Usdc) =>
        new(id, trader, referrer, time, sell, buy, Usd(dollars));

    /// <summary>A pool of a flat <paramref name="pool"/> COW in every epoch, with no score-dependent part.</summary>
    public static PoolSizing Flat(long pool) => new(Cow(pool), int.MaxValue, Amount.Zero, 1);

    public static RewardPoolProgram Program(RewardPoolTerms terms, Amount? allocation = null, Amount? lockedMinimum = null) =>
        new("dao", Asset.Cow, new EpochSchedule<RewardPoolTerms>(terms), new RewardAccounts(new InMemoryRewardLedger(), lockedMinimum), allocation);
}
