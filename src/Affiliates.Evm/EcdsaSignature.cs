using System.Globalization;
using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;

namespace Affiliates.Evm;

/// <summary>A secp256k1 signature as wallets return it: 65 bytes r‖s‖v (v 27/28 or 0/1), or EIP-2098's 64 compact bytes.</summary>
internal sealed class EcdsaSignature
{
    // secp256k1's group order n, and n/2: a signature with s above n/2 has a twin (n - s) and is refused, as
    // OpenZeppelin's ECDSA does, so that one message has one signature per key.
    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    private static readonly BigInteger HalfOrder = Order / 2;

    private EcdsaSignature(byte[] r, byte[] s, int recoveryId)
    {
        R = r;
        S = s;
        RecoveryId = recoveryId;
    }

    public byte[] R { get; }

    public byte[] S { get; }

    public int RecoveryId { get; }

    /// <summary>Reads <c>0x</c>-prefixed hex of any even length into bytes; <see langword="null"/> if it is not such hex.</summary>
    public static byte[]? HexBytes(string? text)
    {
        if (text is null || !text.StartsWith("0x", StringComparison.Ordinal) || text.Length % 2 != 0)
        {
            return null;
        }

        ReadOnlySpan<char> digits = text.AsSpan(2);
        return digits.IndexOfAnyExcept("0123456789abcdefABCDEF") >= 0 ? null : digits.ToString().HexToByteArray();
    }

    /// <summary>Reads 65 or 64 bytes as a low-s signature; <see langword="null"/> for any other length, v, or an r or s out of range.</summary>
    public static EcdsaSignature? FromBytes(byte[] bytes)
    {
        byte[] r;
        byte[] s;
        int recoveryId;
        if (bytes.Length == 65)
        {
            r = bytes[..32];
            s = bytes[32..64];
            int v = bytes[64];
            recoveryId = v switch
            {
                0 or 1 => v,
                27 or 28 => v - 27,
                _ => -1,
            };
        }
        else if (bytes.Length == 64)
        {
            // EIP-2098: the top bit of the second word is yParity, the rest is s.
            r = bytes[..32];
            s = bytes[32..64];
            recoveryId = s[0] >> 7;
            s[0] &= 0x7f;
        }
        else
        {
            return null;
        }

        BigInteger rValue = new(r, isUnsigned: true, isBigEndian: true);
        BigInteger sValue = new(s, isUnsigned: true, isBigEndian: true);
        if (recoveryId < 0 || rValue.IsZero || rValue >= Order || sValue.IsZero || sValue > HalfOrder)
        {
            return null;
        }

        return new EcdsaSignature(r, s, recoveryId);
    }

    /// <summary>Recovers the EIP-55 address that signed <paramref name="hash"/>, or <see langword="null"/> if no key does.</summary>
    public string? RecoverAddress(byte[] hash)
    {
        try
        {
            var signature = EthECDSASignatureFactory.FromComponents(R, S, (byte)(RecoveryId + 27));
            return EthECKey.RecoverFromSignature(signature, RecoveryId, hash)?.GetPublicAddress();
        }
        catch (ArgumentException)
        {
            // r is not the x coordinate of a curve point for this recovery id.
            return null;
        }
    }
}
