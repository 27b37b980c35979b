namespace Affiliates.Evm;

/// <summary>Why the EVM rail could not go on with a payout for now; nothing was sent, and the dispatcher retries later.</summary>
public enum EvmPayoutProblem
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>The node serves another chain than <see cref="EvmOptions.ChainId"/>.</summary>
    ChainIdMismatch,

    /// <summary>The hot wallet holds too little of the asset, or of the native coin for gas.</summary>
    InsufficientFunds,

    /// <summary>The next block's base fee is at or above <see cref="EvmOptions.MaxFeePerGas"/>.</summary>
    FeeCapExceeded,

    /// <summary>The <see cref="IEvmSigner"/> returned a signature that is not its <see cref="IEvmSigner.Address"/>'s.</summary>
    SignerMismatch,

    /// <summary>No <see cref="EvmOptions.Signer"/> is configured, so the rail cannot pay.</summary>
    NoSigner,
}
