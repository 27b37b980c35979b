namespace Affiliates.Brokers;

/// <summary>The chain a Chainflip vault swap starts on; each encodes its beneficiaries differently.</summary>
public enum VaultSwapChain
{
    /// <summary>Not set; refused.</summary>
    Unknown = 0,

    /// <summary>Bitcoin: a UTXO payload with a one-byte broker fee and at most two affiliates.</summary>
    Bitcoin,

    /// <summary>Ethereum.</summary>
    Ethereum,

    /// <summary>Arbitrum.</summary>
    Arbitrum,

    /// <summary>Solana.</summary>
    Solana,

    /// <summary>Tron.</summary>
    Tron,

    /// <summary>BNB Smart Chain.</summary>
    Bsc,
}
