namespace Affiliates.Programs;

/// <summary>Checks that a wallet signed a message (EIP-191 personal_sign, EIP-712, Solana signMessage, ...).</summary>
/// <remarks>
/// Chain adapters supply implementations; the engine never sees private keys. Verification is asynchronous because some
/// wallets can only be checked on chain (EIP-1271 smart-contract wallets answer through <c>eth_call</c>).
/// </remarks>
public interface ISignatureVerifier
{
    /// <summary>Returns whether <paramref name="signature"/> is a valid signature of <paramref name="message"/> by <paramref name="signerAddress"/>.</summary>
    /// <param name="signerAddress">The address that claims to have signed.</param>
    /// <param name="message">The exact message text that was signed (UTF-8).</param>
    /// <param name="signature">The signature in the chain's usual text encoding.</param>
    /// <param name="cancellationToken">Cancels a verification that needs the network.</param>
    /// <returns><see langword="true"/> if the signature is valid for that signer and message.</returns>
    ValueTask<bool> VerifyAsync(string signerAddress, string message, string signature, CancellationToken cancellationToken = default);
}
