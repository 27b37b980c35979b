using Nethereum.Signer;

namespace Affiliates.Evm;

/// <summary>An <see cref="IEvmSigner"/> holding a raw secp256k1 private key in the process (development, tests, small hosts).</summary>
public sealed class EvmPrivateKeySigner : IEvmSigner
{
    private readonly EthECKey key;

    /// <summary>Creates a signer for a private key.</summary>
    /// <param name="privateKeyHex">The 32-byte private key as hex, with or without <c>0x</c>.</param>
    /// <exception cref="ArgumentException">The text is not a 32-byte hex key.</exception>
    public EvmPrivateKeySigner(string privateKeyHex)
    {
        ArgumentNullException.ThrowIfNull(privateKeyHex);
        string digits = privateKeyHex.StartsWith("0x", StringComparison.Ordinal) ? privateKeyHex[2..] : privateKeyHex;
        if (digits.Length != 64 || digits.AsSpan().IndexOfAnyExcept("0123456789abcdefABCDEF") >= 0)
        {
            throw new ArgumentException("The private key must be 32 bytes as 64 hex digits.", nameof(privateKeyHex));
        }

        key = new EthECKey(digits);
        Address = key.GetPublicAddress();
    }

    /// <inheritdoc />
    public string Address { get; }

    /// <inheritdoc />
    public ValueTask<byte[]> SignAsync(byte[] digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (digest.Length != 32)
        {
            throw new ArgumentException("The digest must be 32 bytes.", nameof(digest));
        }

        EthECDSASignature signature = key.SignAndCalculateYParityV(digest);
        byte[] result = new byte[65];
        signature.R.CopyTo(result, 32 - signature.R.Length);
        signature.S.CopyTo(result, 64 - signature.S.Length);
        result[64] = signature.V[0];
        return ValueTask.FromResult(result);
    }

    /// <summary>Returns the address only; the key is never shown.</summary>
    public override string ToString() => Address;
}
