using System.Globalization;
using System.Numerics;
using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Util;

namespace Affiliates.Evm;

/// <summary>Signs EIP-1559 (type 2) transactions through an <see cref="IEvmSigner"/>, on Nethereum's encoder.</summary>
internal static class EvmTransaction
{
    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    public static Transaction1559 Create(long chainId, BigInteger nonce, EvmFees fees, BigInteger gas, string to, BigInteger value, byte[] data) =>
        new(chainId, nonce, fees.MaxPriorityFeePerGas, fees.MaxFeePerGas, gas, to, value, "0x" + Convert.ToHexStringLower(data), []);

    /// <summary>Signs the transaction and returns its raw bytes and hash (keccak of the raw bytes, the 0x02 type byte included).</summary>
    /// <exception cref="EvmPayoutException">The signature is not the signer's address.</exception>
    public static async Task<(byte[] Raw, string Hash)> SignAsync(IEvmSigner signer, Transaction1559 transaction, CancellationToken cancellationToken)
    {
        byte[] signingHash = Sha3Keccack.Current.CalculateHash(transaction.GetRLPEncodedRaw());
        byte[] signature = await signer.SignAsync(signingHash, cancellationToken).ConfigureAwait(false);
        if (signature is not { Length: 65 } || signature[64] is not (0 or 1 or 27 or 28))
        {
            throw new EvmPayoutException(EvmPayoutProblem.SignerMismatch, "The signer returned something other than a 65-byte r, s, recovery id signature.");
        }

        int parity = signature[64] >= 27 ? signature[64] - 27 : signature[64];
        BigInteger s = new(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        if (s > Order / 2)
        {
            // A KMS may return the high-s twin; nodes accept only low s.
            s = Order - s;
            parity ^= 1;
        }

        byte[] r = Trim(signature[..32]);
        byte[] sBytes = s.ToByteArray(isUnsigned: true, isBigEndian: true);
        var ecdsa = EthECDSASignatureFactory.FromComponents(r, sBytes, (byte)(parity + 27));
        string? recovered = EthECKey.RecoverFromSignature(ecdsa, parity, signingHash)?.GetPublicAddress();
        if (!string.Equals(recovered, signer.Address, StringComparison.OrdinalIgnoreCase))
        {
            throw new EvmPayoutException(EvmPayoutProblem.SignerMismatch, $"The signer's signature recovers to {recovered}, not to its address {signer.Address}.");
        }

        transaction.SetSignature(new Signature(r, sBytes, parity == 0 ? [] : [1]));
        byte[] raw = transaction.GetRLPEncoded();
        return (raw, "0x" + Convert.ToHexStringLower(Sha3Keccack.Current.CalculateHash(raw)));
    }

    /// <summary>Reads back a transaction this rail signed.</summary>
    public static Transaction1559 Decode(ReadOnlyMemory<byte> raw) => Transaction1559Encoder.Current.Decode(raw.ToArray());

    private static byte[] Trim(byte[] word)
    {
        int start = 0;
        while (start < word.Length - 1 && word[start] == 0)
        {
            start++;
        }

        return word[start..];
    }
}
