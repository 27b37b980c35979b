using System.Numerics;
using Nethereum.RPC.Eth.DTOs;

namespace Affiliates.Evm;

/// <summary>EIP-1559 fee caps of a transaction, in wei per gas.</summary>
internal readonly record struct EvmFees(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas)
{
    private const int HistoryBlocks = 10;

    /// <summary>
    /// Suggests fees from the last blocks: the priority fee is the median of the blocks' rewards at the percentile, the
    /// max fee twice the next block's base fee plus the priority fee (room for six full blocks of base-fee rises), cut
    /// to the cap; where the cap leaves less than that above the base fee, the priority fee is cut to fit.
    /// </summary>
    /// <exception cref="EvmPayoutException">The next base fee is at or above the cap.</exception>
    public static async Task<EvmFees> SuggestAsync(EvmRpc rpc, int percentile, BigInteger cap, CancellationToken cancellationToken)
    {
        FeeHistoryResult history = await rpc.FeeHistoryAsync(HistoryBlocks, [percentile], cancellationToken).ConfigureAwait(false);
        BigInteger nextBase = history.BaseFeePerGas is { Length: > 0 } bases ? bases[^1].Value : BigInteger.Zero;
        BigInteger[] rewards = [.. (history.Reward ?? []).Where(r => r is { Length: > 0 }).Select(r => r[0].Value).Order()];
        BigInteger priority = rewards.Length == 0 ? BigInteger.Zero : rewards[rewards.Length / 2];
        return Capped(nextBase, priority, (2 * nextBase) + priority, cap);
    }

    /// <summary>
    /// The fees of a replacement: both caps raised by at least <paramref name="bumpPercent"/> over the stuck transaction's,
    /// and at least today's suggestion; <see langword="null"/> when the cap leaves no room for the raise nodes require.
    /// </summary>
    public static EvmFees? Replacement(EvmFees stuck, EvmFees suggested, int bumpPercent, BigInteger cap)
    {
        BigInteger priority = BigInteger.Max(suggested.MaxPriorityFeePerGas, Raise(stuck.MaxPriorityFeePerGas, bumpPercent));
        BigInteger maxFee = BigInteger.Min(BigInteger.Max(suggested.MaxFeePerGas, Raise(stuck.MaxFeePerGas, bumpPercent)), cap);
        // geth and Anvil refuse a replacement unless both caps rose by at least 10 %.
        if (maxFee < Raise(stuck.MaxFeePerGas, 10) || priority > maxFee)
        {
            return null;
        }

        return new EvmFees(maxFee, priority);
    }

    private static EvmFees Capped(BigInteger nextBase, BigInteger priority, BigInteger maxFee, BigInteger cap)
    {
        if (nextBase >= cap)
        {
            throw new EvmPayoutException(
                EvmPayoutProblem.FeeCapExceeded,
                $"The next block's base fee {nextBase} wei per gas is not below the cap of {cap} wei per gas.");
        }

        // Under the cap, the tip gives way first: a lower tip still lands, later.
        BigInteger tip = BigInteger.Min(priority, cap - nextBase);
        return new EvmFees(BigInteger.Min(maxFee, cap), tip);
    }

    private static BigInteger Raise(BigInteger fee, int percent) => fee + BigInteger.Max(BigInteger.One, (fee * percent + 99) / 100);
}
