using System.Text;
using Affiliates.Programs;
using Affiliates.Solana.Keys;

namespace Affiliates.Solana;

/// <summary>Checks a Solana wallet's <c>signMessage</c> signature: pure Ed25519 over the UTF-8 bytes of the message.</summary>
/// <remarks>
/// A signer is a Solana one when it is a Base58 public key of 32 bytes; any other signer (an EVM 0x address, an SS58
/// address) goes to <c>next</c>, the verifier registered before, or is refused when there is none. The signature is
/// 64 bytes as Base58 (what wallet adapters usually show) or as Base64; anything else is simply not valid. No network
/// is needed.
/// </remarks>
internal sealed class SolanaSignatureVerifier(ISignatureVerifier? next = null) : ISignatureVerifier
{
    public ValueTask<bool> VerifyAsync(string signerAddress, string message, string signature, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!PublicKey.TryParse(signerAddress, out PublicKey? signer))
        {
            return next?.VerifyAsync(signerAddress, message, signature, cancellationToken) ?? ValueTask.FromResult(false);
        }

        if (message is null || !TryReadSignature(signature, out byte[] bytes))
        {
            return ValueTask.FromResult(false);
        }

        return ValueTask.FromResult(signer.Verify(Encoding.UTF8.GetBytes(message), bytes));
    }

    private static bool TryReadSignature(string? text, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (Base58Text.TryDecode(text, out bytes, out _))
        {
            return bytes.Length == Keypair.SignatureLength;
        }

        bytes = new byte[Keypair.SignatureLength];
        return Convert.TryFromBase64String(text, bytes, out int written) && written == Keypair.SignatureLength;
    }
}
