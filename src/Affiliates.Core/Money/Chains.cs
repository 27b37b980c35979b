namespace Affiliates;

/// <summary>Chain names used by <see cref="Asset.Chain"/> and the chain adapters.</summary>
public static class Chains
{
    /// <summary>Solana mainnet.</summary>
    public const string Solana = "solana";

    /// <summary>Ethereum mainnet.</summary>
    public const string Ethereum = "ethereum";

    /// <summary>Arbitrum One.</summary>
    public const string Arbitrum = "arbitrum";

    /// <summary>The Chainflip state chain.</summary>
    public const string Chainflip = "chainflip";

    /// <summary>Off-chain accounting units such as USD scores.</summary>
    public const string OffChain = "offchain";
}
