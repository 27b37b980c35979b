namespace Affiliates.Evm;

/// <summary>Holds the hot wallet's key and signs 32-byte digests, so that a KMS or HSM can keep the key out of the process.</summary>
/// <remarks>
/// The rail hands over only transaction signing hashes. It checks every returned signature against
/// <see cref="Address"/> before storing the transaction, and normalises a high s to low s itself, so a signer may return
/// either (cloud KMS signers do).
/// </remarks>
public interface IEvmSigner
{
    /// <summary>Gets the address of the signing key, the account that pays.</summary>
    string Address { get; }

    /// <summary>Signs a 32-byte digest with secp256k1.</summary>
    /// <param name="digest">The digest to sign (a transaction's signing hash).</param>
    /// <param name="cancellationToken">Cancels a remote signing call.</param>
    /// <returns>65 bytes: r (32), s (32) and the recovery id (0 or 1; 27 or 28 is also accepted).</returns>
    ValueTask<byte[]> SignAsync(byte[] digest, CancellationToken cancellationToken = default);
}
