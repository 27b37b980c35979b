using Affiliates.Fees;

namespace Affiliates.Brokers;

/// <summary>The per-chain limits on a vault swap's beneficiaries, on top of <see cref="BeneficiaryList.ForVaultSwap"/>'s.</summary>
/// <remarks>
/// Every vault swap: at most 255 bps per affiliate and 1 000 bps in all. A Bitcoin vault swap's UTXO payload also has room
/// for only <see cref="MaxBitcoinAffiliates"/> affiliates and a one-byte broker fee (chainflip-backend
/// <c>btc/vault_swap_encoding.rs</c>); the other chains take up to five affiliates.
/// </remarks>
public static class VaultSwapLimits
{
    /// <summary>The most affiliates a Bitcoin vault swap can name.</summary>
    public const int MaxBitcoinAffiliates = 2;

    /// <summary>The most basis points a broker can take in a Bitcoin vault swap (a u8 on chain).</summary>
    public const int MaxBitcoinBrokerBps = 255;

    /// <summary>Returns how many affiliates a vault swap from <paramref name="chain"/> can name.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chain"/> is not a defined chain.</exception>
    public static int MaxAffiliates(VaultSwapChain chain) =>
        Known(chain) == VaultSwapChain.Bitcoin ? MaxBitcoinAffiliates : BeneficiaryList.MaxAffiliates;

    /// <summary>Validates the beneficiaries of a vault swap from <paramref name="chain"/>.</summary>
    /// <exception cref="BeneficiaryValidationException">A limit is broken; the exception names the field and reason.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chain"/> is not a defined chain.</exception>
    public static BeneficiaryList Validate(VaultSwapChain chain, int brokerCommissionBps, IEnumerable<Beneficiary> affiliates)
    {
        Preconditions.NotNull(affiliates);
        Beneficiary[] list = [.. affiliates];
        if (Known(chain) == VaultSwapChain.Bitcoin)
        {
            if (list.Length > MaxBitcoinAffiliates)
            {
                throw new BeneficiaryValidationException(
                    BeneficiaryValidationError.TooManyAffiliates,
                    nameof(affiliates),
                    null,
                    $"{list.Length} affiliates; a Bitcoin vault swap names at most {MaxBitcoinAffiliates}.");
            }

            if (brokerCommissionBps > MaxBitcoinBrokerBps)
            {
                throw new BeneficiaryValidationException(
                    BeneficiaryValidationError.VaultSwapBrokerAboveLimit,
                    nameof(brokerCommissionBps),
                    null,
                    $"Broker commission {brokerCommissionBps} bps is above the Bitcoin vault-swap limit of {MaxBitcoinBrokerBps}.");
            }
        }

        return BeneficiaryList.ForVaultSwap(brokerCommissionBps, list);
    }

    private static VaultSwapChain Known(VaultSwapChain chain)
    {
        if (chain is < VaultSwapChain.Bitcoin or > VaultSwapChain.Bsc)
        {
            Preconditions.ThrowOutOfRange(nameof(chain), chain, "must be a vault-swap chain");
        }

        return chain;
    }
}
