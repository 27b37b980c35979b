using System.Numerics;
using NodaTime;

namespace Affiliates.Evm;

/// <summary>Settings of the EVM adapter: the node, the chain, the hot wallet and the fee policy of payouts.</summary>
public sealed class EvmOptions
{
    /// <summary>Gets or sets the node's JSON-RPC URL. Needed for EIP-1271 wallets and for payouts; without it only ordinary wallets' signatures are checked.</summary>
    public Uri? RpcUrl { get; set; }

    /// <summary>Gets or sets the chain id (1 Ethereum, 42161 Arbitrum, 31337 Anvil). Required: it is in every EIP-712 signature and transaction, and payouts refuse a node reporting another.</summary>
    public long ChainId { get; set; }

    /// <summary>Gets or sets the <see cref="Asset.Chain"/> name whose assets this adapter pays. Default <see cref="Chains.Ethereum"/>.</summary>
    public string Chain { get; set; } = Chains.Ethereum;

    /// <summary>Gets the ERC-20 contracts payouts may send; an asset whose contract is not listed is refused before any transaction.</summary>
    public IList<string> TokenContracts { get; } = [];

    /// <summary>Gets or sets the hot wallet that signs payouts; <see langword="null"/> when the host only verifies signatures.</summary>
    public IEvmSigner? Signer { get; set; }

    /// <summary>Gets or sets how many blocks must be mined on top of a payout's block before it counts as paid (1 = in a block). Default 12.</summary>
    public int Confirmations { get; set; } = 12;

    /// <summary>Gets or sets the highest max fee per gas, in wei, a payout may offer, replacements included. Default 200 gwei.</summary>
    public BigInteger MaxFeePerGas { get; set; } = 200_000_000_000;

    /// <summary>Gets or sets the fee-history reward percentile used as the priority fee (0 to 100). Default 50.</summary>
    public int PriorityFeePercentile { get; set; } = 50;

    /// <summary>Gets or sets how long a broadcast payout may stay unmined before it is replaced at the same nonce with higher fees. Default 3 minutes.</summary>
    public Duration ReplaceAfter { get; set; } = Duration.FromMinutes(3);

    /// <summary>Gets or sets how often the dispatcher reads the status of a payout in flight. Default 5 seconds.</summary>
    public Duration PollInterval { get; set; } = Duration.FromSeconds(5);

    /// <summary>Gets or sets by how many percent a replacement raises both fee caps (nodes need at least 10). Default 15.</summary>
    public int FeeBumpPercent { get; set; } = 15;
}
