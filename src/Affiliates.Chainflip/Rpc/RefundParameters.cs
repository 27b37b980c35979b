using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace Affiliates.Chainflip.Rpc;

/// <summary>What happens when a swap cannot meet its minimum price: retry for a while, then refund to an address on the source chain.</summary>
public sealed record RefundParameters
{
    /// <summary>Initializes a new instance of the <see cref="RefundParameters"/> class.</summary>
    /// <param name="retryDurationBlocks">How many state-chain blocks to keep retrying.</param>
    /// <param name="refundAddress">Where to refund, an address on the source chain.</param>
    /// <param name="minPriceX128">The least acceptable price: output base units per input base unit, times 2^128.</param>
    /// <param name="maxOraclePriceSlippageBps">The most the price may slip below the oracle's, in bps; null for no oracle check.</param>
    /// <exception cref="ArgumentException">A value is out of range or the address is empty.</exception>
    public RefundParameters(int retryDurationBlocks, string refundAddress, BigInteger minPriceX128, int? maxOraclePriceSlippageBps = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retryDurationBlocks);
        ArgumentException.ThrowIfNullOrWhiteSpace(refundAddress);
        ArgumentOutOfRangeException.ThrowIfNegative(minPriceX128);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(minPriceX128, BigInteger.One << 256);
        if (maxOraclePriceSlippageBps is { } slippage)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(slippage, nameof(maxOraclePriceSlippageBps));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(slippage, 10_000, nameof(maxOraclePriceSlippageBps));
        }

        RetryDurationBlocks = retryDurationBlocks;
        RefundAddress = refundAddress;
        MinPriceX128 = minPriceX128;
        MaxOraclePriceSlippageBps = maxOraclePriceSlippageBps;
    }

    /// <summary>Gets how many blocks to keep retrying.</summary>
    public int RetryDurationBlocks { get; }

    /// <summary>Gets the refund address on the source chain.</summary>
    public string RefundAddress { get; }

    /// <summary>Gets the least acceptable price times 2^128.</summary>
    public BigInteger MinPriceX128 { get; }

    /// <summary>Gets the most the price may slip below the oracle's, or null.</summary>
    public int? MaxOraclePriceSlippageBps { get; }

    internal JsonObject ToJson() => new()
    {
        ["retry_duration"] = RetryDurationBlocks,
        ["refund_address"] = RefundAddress,
        ["min_price"] = Hex(MinPriceX128),
        ["refund_ccm_metadata"] = null,
        ["max_oracle_price_slippage"] = MaxOraclePriceSlippageBps,
    };

    // Always 0x hex: the node reads any string as hex, so "1000" would mean 4096.
    internal static string Hex(BigInteger value) => "0x" + (value.IsZero ? "0" : value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0'));
}
