using System.Security.Cryptography;
using System.Text;
using Affiliates.Programs;

namespace Affiliates.AspNetCore.Tests;

/// <summary>A deterministic stand-in for wallet signatures: HMAC-SHA256 of the message keyed by the signer's address.</summary>
internal sealed class HmacSignatureVerifier : ISignatureVerifier
{
    public static string Sign(string address, string message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(address), Encoding.UTF8.GetBytes(message)));

    public ValueTask<bool> VerifyAsync(string signerAddress, string message, string signature, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Sign(signerAddress, message)), Encoding.UTF8.GetBytes(signature)));
}
