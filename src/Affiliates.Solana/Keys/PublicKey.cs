using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Affiliates.Addresses;

namespace Affiliates.Solana.Keys;

/// <summary>A Solana account address: 32 bytes, an Ed25519 public key or a program-derived address, written in Base58.</summary>
/// <remarks>Shaped like Solnet's <c>PublicKey</c> (<see cref="Key"/>, <see cref="KeyBytes"/>, the PDA helpers), so a host can map one onto the other.</remarks>
public sealed class PublicKey : IEquatable<PublicKey>
{
    /// <summary>The length of a public key in bytes.</summary>
    public const int PublicKeyLength = 32;

    /// <summary>The most seeds a program-derived address may have, the bump included.</summary>
    public const int MaxSeeds = 16;

    /// <summary>The longest seed of a program-derived address, in bytes.</summary>
    public const int MaxSeedLength = 32;

    private static readonly byte[] PdaMarker = Encoding.ASCII.GetBytes("ProgramDerivedAddress");

    private readonly byte[] bytes;

    /// <summary>Initializes a new instance of the <see cref="PublicKey"/> class from its 32 bytes.</summary>
    /// <exception cref="ArgumentException">The span is not 32 bytes long.</exception>
    public PublicKey(ReadOnlySpan<byte> keyBytes)
    {
        if (keyBytes.Length != PublicKeyLength)
        {
            throw new ArgumentException($"A Solana public key has {PublicKeyLength} bytes, not {keyBytes.Length}.", nameof(keyBytes));
        }

        bytes = keyBytes.ToArray();
        Key = Base58Text.Encode(bytes);
    }

    /// <summary>Initializes a new instance of the <see cref="PublicKey"/> class from its Base58 text.</summary>
    /// <exception cref="FormatException">The text is not Base58 or does not decode to 32 bytes.</exception>
    public PublicKey(string key)
        : this(Base58Text.DecodeExactly(key, PublicKeyLength, "Solana public key"))
    {
    }

    /// <summary>Gets the Base58 text of the key.</summary>
    public string Key { get; }

    /// <summary>Gets a copy of the 32 bytes of the key.</summary>
    public byte[] KeyBytes => (byte[])bytes.Clone();

    internal ReadOnlySpan<byte> Span => bytes;

    /// <summary>Compares two keys by their bytes.</summary>
    public static bool operator ==(PublicKey? left, PublicKey? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two keys by their bytes.</summary>
    public static bool operator !=(PublicKey? left, PublicKey? right) => !(left == right);

    /// <summary>Reads a Base58 key.</summary>
    /// <param name="text">The text to read.</param>
    /// <param name="key">The key, when the text is one.</param>
    /// <returns>Whether the text is Base58 of exactly 32 bytes, with no white space.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PublicKey? key) => Read(text, out key).IsValid;

    /// <summary>Reads a Base58 key, or says why the text is not one; the canonical form is the Base58 of the decoded bytes.</summary>
    internal static AddressParseResult Read(string? text, out PublicKey? key)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return AddressParseResult.Invalid(AddressError.Empty, "is empty");
        }

        if (!Base58Text.TryDecode(text, out byte[] decoded, out string problem))
        {
            return AddressParseResult.Invalid(AddressError.BadCharacter, problem);
        }

        if (decoded.Length != PublicKeyLength)
        {
            return AddressParseResult.Invalid(AddressError.BadLength, $"decodes to {decoded.Length} bytes, not {PublicKeyLength}");
        }

        key = new PublicKey(decoded);
        return AddressParseResult.Valid(key.Key);
    }

    /// <summary>Returns whether the key is a point on the Ed25519 curve (a wallet key) rather than a program-derived address.</summary>
    public bool IsOnCurve() => Ed25519Curve.IsOnCurve(bytes);

    /// <summary>Returns whether <paramref name="signature"/> is this key's Ed25519 signature of <paramref name="message"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == Keypair.SignatureLength
        && Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Verify(signature, bytes, message);

    /// <summary>Derives the address of <paramref name="seeds"/> under <paramref name="programId"/> (Solana's <c>create_program_address</c>).</summary>
    /// <param name="seeds">At most 16 seeds of at most 32 bytes each.</param>
    /// <param name="programId">The program that owns the address.</param>
    /// <param name="address">The address, when it is off the curve.</param>
    /// <returns><see langword="false"/> when the hash lies on the curve, so no program address exists for these seeds.</returns>
    /// <exception cref="ArgumentException">Too many seeds, or a seed longer than 32 bytes.</exception>
    public static bool TryCreateProgramAddress(IReadOnlyList<byte[]> seeds, PublicKey programId, [NotNullWhen(true)] out PublicKey? address)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(programId);
        CheckSeeds(seeds, seeds.Count);
        address = null;
        byte[] hash = ProgramAddressHash(seeds, bump: null, programId);
        if (Ed25519Curve.IsOnCurve(hash))
        {
            return false;
        }

        address = new PublicKey(hash);
        return true;
    }

    /// <summary>Finds the program address of <paramref name="seeds"/> with the highest bump, from 255 down to 1 (Solana's <c>find_program_address</c>).</summary>
    /// <param name="seeds">At most 15 seeds of at most 32 bytes each (the bump is the sixteenth).</param>
    /// <param name="programId">The program that owns the address.</param>
    /// <param name="address">The address found.</param>
    /// <param name="bump">The bump seed that made it.</param>
    /// <returns><see langword="false"/> only if every bump gave a point on the curve (never seen in practice).</returns>
    /// <exception cref="ArgumentException">Too many seeds, or a seed longer than 32 bytes.</exception>
    public static bool TryFindProgramAddress(IReadOnlyList<byte[]> seeds, PublicKey programId, [NotNullWhen(true)] out PublicKey? address, out byte bump)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(programId);
        CheckSeeds(seeds, seeds.Count + 1);
        for (int candidate = 255; candidate >= 1; candidate--)
        {
            byte[] hash = ProgramAddressHash(seeds, (byte)candidate, programId);
            if (!Ed25519Curve.IsOnCurve(hash))
            {
                address = new PublicKey(hash);
                bump = (byte)candidate;
                return true;
            }
        }

        address = null;
        bump = 0;
        return false;
    }

    /// <summary>Derives an address from a base key, a text seed and a program (Solana's <c>create_with_seed</c>; not a PDA, no curve check).</summary>
    /// <exception cref="ArgumentException">The seed is longer than 32 bytes in UTF-8.</exception>
    public static PublicKey CreateWithSeed(PublicKey fromPublicKey, string seed, PublicKey programId)
    {
        ArgumentNullException.ThrowIfNull(fromPublicKey);
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(programId);
        byte[] seedBytes = Encoding.UTF8.GetBytes(seed);
        if (seedBytes.Length > MaxSeedLength)
        {
            throw new ArgumentException($"The seed has {seedBytes.Length} bytes in UTF-8; at most {MaxSeedLength} are allowed.", nameof(seed));
        }

        return new PublicKey(SHA256.HashData([.. fromPublicKey.bytes, .. seedBytes, .. programId.bytes]));
    }

    /// <inheritdoc/>
    public bool Equals(PublicKey? other) => other is not null && bytes.AsSpan().SequenceEqual(other.bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PublicKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => BitConverter.ToInt32(bytes, 0);

    /// <summary>Returns the Base58 text of the key.</summary>
    public override string ToString() => Key;

    private static void CheckSeeds(IReadOnlyList<byte[]> seeds, int count)
    {
        if (count > MaxSeeds)
        {
            throw new ArgumentException($"A program address has at most {MaxSeeds} seeds, the bump included; {count} were given.", nameof(seeds));
        }

        for (int i = 0; i < seeds.Count; i++)
        {
            if (seeds[i] is null)
            {
                throw new ArgumentException($"Seed {i} is null.", nameof(seeds));
            }

            if (seeds[i].Length > MaxSeedLength)
            {
                throw new ArgumentException($"Seed {i} has {seeds[i].Length} bytes; at most {MaxSeedLength} are allowed (max seed length exceeded).", nameof(seeds));
            }
        }
    }

    private static byte[] ProgramAddressHash(IReadOnlyList<byte[]> seeds, byte? bump, PublicKey programId)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (byte[] seed in seeds)
        {
            sha.AppendData(seed);
        }

        if (bump is { } b)
        {
            sha.AppendData([b]);
        }

        sha.AppendData(programId.bytes);
        sha.AppendData(PdaMarker);
        return sha.GetHashAndReset();
    }
}
