using System.Security.Cryptography;
using System.Text;
using Affiliates.Programs;

namespace Affiliates.Cli;

/// <summary>
/// Stand-in wallets for the demo: a "signature" is an HMAC keyed by the address. A real host registers the ed25519
/// (Solana) or EIP-191 (EVM) verifier instead; this one proves nothing about key ownership.
/// </summary>
internal sealed class DemoWallets : ISignatureVerifier
{
    public static string Sign(string address, string message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(address), Encoding.UTF8.GetBytes(message)));

    public ValueTask<bool> VerifyAsync(string signerAddress, string message, string signature, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Sign(signerAddress, message)), Encoding.UTF8.GetBytes(signature)));
}
