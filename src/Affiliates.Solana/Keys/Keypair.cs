using System.Security.Cryptography;
using System.Text.Json;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace Affiliates.Solana.Keys;

/// <summary>An Ed25519 signing key and its public key: what signs Solana transactions and messages.</summary>
/// <remarks>
/// The secret key is kept as Solana keeps it (solana-keygen files, web3.js <c>Keypair.secretKey</c>, Solnet
/// <c>PrivateKey.KeyBytes</c>): 64 bytes, the 32-byte seed followed by the public key. <see cref="ToString"/> shows
/// only the public key, so a keypair never reaches a log by accident.
/// </remarks>
public sealed class Keypair
{
    /// <summary>The length of an Ed25519 seed in bytes.</summary>
    public const int SeedLength = 32;

    /// <summary>The length of a Solana secret key (seed and public key) in bytes.</summary>
    public const int SecretKeyLength = 64;

    /// <summary>The length of an Ed25519 signature in bytes.</summary>
    public const int SignatureLength = 64;

    private readonly byte[] seed;

    private Keypair(byte[] seed)
    {
        this.seed = seed;
        byte[] publicKey = new byte[PublicKey.PublicKeyLength];
        BcEd25519.GeneratePublicKey(seed, publicKey);
        PublicKey = new PublicKey(publicKey);
    }

    /// <summary>Gets the public key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>Creates a keypair from a fresh random seed.</summary>
    public static Keypair Generate() => new(RandomNumberGenerator.GetBytes(SeedLength));

    /// <summary>Creates the keypair of a 32-byte seed (RFC 8032 private key).</summary>
    /// <exception cref="ArgumentException">The seed is not 32 bytes.</exception>
    public static Keypair FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedLength)
        {
            throw new ArgumentException($"An Ed25519 seed has {SeedLength} bytes, not {seed.Length}.", nameof(seed));
        }

        return new Keypair(seed.ToArray());
    }

    /// <summary>Creates a keypair from a 64-byte Solana secret key, checking that its second half is the seed's public key.</summary>
    /// <exception cref="ArgumentException">The key is not 64 bytes, or its public half does not belong to its seed.</exception>
    public static Keypair FromSecretKey(ReadOnlySpan<byte> secretKey)
    {
        if (secretKey.Length != SecretKeyLength)
        {
            throw new ArgumentException($"A Solana secret key has {SecretKeyLength} bytes, not {secretKey.Length}.", nameof(secretKey));
        }

        var keypair = new Keypair(secretKey[..SeedLength].ToArray());
        if (!keypair.PublicKey.Span.SequenceEqual(secretKey[SeedLength..]))
        {
            throw new ArgumentException("The secret key is invalid: its last 32 bytes are not the public key of its first 32.", nameof(secretKey));
        }

        return keypair;
    }

    /// <summary>Creates a keypair from the Base58 text of a 64-byte secret key (as Phantom and Solnet export it).</summary>
    /// <exception cref="FormatException">The text is not Base58 of 64 bytes.</exception>
    /// <exception cref="ArgumentException">The public half does not belong to the seed.</exception>
    public static Keypair FromSecretKey(string secretKey) =>
        FromSecretKey(Base58Text.DecodeExactly(secretKey, SecretKeyLength, "Solana secret key"));

    /// <summary>Creates a keypair from the contents of a solana-keygen file: a JSON array of the 64 secret-key bytes.</summary>
    /// <exception cref="FormatException">The text is not a JSON array of 64 numbers from 0 to 255.</exception>
    /// <exception cref="ArgumentException">The public half does not belong to the seed.</exception>
    public static Keypair FromKeygenJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        string expected = $"A solana-keygen file is a JSON array of {SecretKeyLength} numbers from 0 to 255";
        byte[] bytes = new byte[SecretKeyLength];
        try
        {
            using var document = JsonDocument.Parse(json);
            JsonElement array = document.RootElement;
            if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() != SecretKeyLength)
            {
                throw new FormatException($"{expected}; this is not.");
            }

            int i = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetByte(out bytes[i]))
                {
                    throw new FormatException($"{expected}; item {i} is not.");
                }

                i++;
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"{expected}: {e.Message}", e);
        }

        return FromSecretKey(bytes);
    }

    /// <summary>Signs <paramref name="message"/> with pure Ed25519 (no pre-hash), as Solana signs transaction messages and wallets sign messages.</summary>
    /// <returns>The 64-byte signature.</returns>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        byte[] signature = new byte[SignatureLength];
        BcEd25519.Sign(seed, message, signature);
        return signature;
    }

    /// <summary>Returns the 64-byte secret key (seed and public key); keep it secret.</summary>
    public byte[] ExportSecretKey() => [.. seed, .. PublicKey.Span];

    /// <summary>Returns the public key's Base58 text; never the secret.</summary>
    public override string ToString() => PublicKey.Key;
}
