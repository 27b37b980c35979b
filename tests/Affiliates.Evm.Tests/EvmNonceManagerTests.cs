using System.Numerics;
using NodaTime;
using NodaTime.Testing;

namespace Affiliates.Evm.Tests;

public sealed class EvmNonceManagerTests
{
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 12, 1, 0, 0));

    [Fact]
    public async Task NoncesHeldByPreparedTransfers_AreNotGivenTwice()
    {
        var nonces = new EvmNonceManager(clock, Duration.FromMinutes(3));

        BigInteger[] given = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => nonces.ReserveAsync("a", _ => Task.FromResult(new BigInteger(7)), default)));

        Assert.Equal(Enumerable.Range(7, 50).Select(n => new BigInteger(n)), given.Order());
    }

    [Fact]
    public async Task ANonceTheNodeCounts_IsReleased_AndWalletsAreApart()
    {
        var nonces = new EvmNonceManager(clock, Duration.FromMinutes(3));
        await nonces.ReserveAsync("a", _ => Task.FromResult(new BigInteger(0)), default);
        await nonces.ReserveAsync("a", _ => Task.FromResult(new BigInteger(0)), default);

        Assert.Equal(2, await nonces.ReserveAsync("a", _ => Task.FromResult(new BigInteger(1)), default));
        Assert.Equal(5, await nonces.ReserveAsync("a", _ => Task.FromResult(new BigInteger(5)), default));
        Assert.Equal(0, await nonces.ReserveAsync("b", _ => Task.FromResult(new BigInteger(0)), default));
    }

    [Fact]
    public async Task ANonceNeverBroadcast_IsGivenAgainAfterTheHold_SoNoGapBlocksTheWallet()
    {
        var nonces = new EvmNonceManager(clock, Duration.FromMinutes(3));
        Assert.Equal(4, await nonces.ReserveAsync("a", _ => Task.FromResult(new BigInteger(4)), default));

        clock.Advance(Duration.FromMinutes(2));
        Assert.Equal(5, await nonces.ReserveAsync("a", _ => Task.FromResult(new BigInteger(4)), default));
        clock.Advance(Duration.FromMinutes(1));

        Assert.Equal(4, await nonces.ReserveAsync("a", _ => Task.FromResult(new BigInteger(4)), default));
    }
}
