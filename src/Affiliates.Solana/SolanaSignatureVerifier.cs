using System.Text;
using Affiliates.Programs;
using Affiliates.Solana.Keys;

namespace Affiliates.Solana;

/// <summary>Checks a Solana wallet's <c>signMessage</c> signature: pure Ed25519 over the UTF-8 bytes of the message.</summary>
/// <remarks>
/// The signature is 64 bytes as Base58 (what wallet adapters usually show) or as Base64; anything else, or a signer
/// that is not a Base58 public key, is simply not a valid signature. No network is needed.
/// </remarks>
internal sealed class SolanaSignatureVerifier : ISignatureVerifier
{
    public ValueTask<bool> VerifyAsync(string signerAddress, string message, string signature, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (message is null || !PublicKey.TryParse(signerAddress, out PublicKey? signer) || !TryReadSignature(signature, out byte[] bytes))
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
