using System.Text;
using Affiliates.Addresses;
using SimpleBase;

namespace Affiliates.Chainflip.Accounts;

/// <summary>Substrate's SS58 text for 32-byte account ids (sp-core <c>Ss58Codec</c>): prefix, key and a BLAKE2b checksum in Base58.</summary>
/// <remarks>
/// Prefixes below 64 take one byte; 64 to 16 383 take two (Chainflip's 2112 is <c>50 08</c>). The checksum is the first two
/// bytes of BLAKE2b-512 over <c>"SS58PRE"</c>, the prefix bytes and the key.
/// </remarks>
internal static class Ss58
{
    public const ushort ChainflipPrefix = 2112;

    public const int KeyLength = 32;

    private const int ChecksumLength = 2;
    private const ushort MaxPrefix = 16_383;
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static readonly byte[] ChecksumPreimage = Encoding.ASCII.GetBytes("SS58PRE");

    public static string Encode(ReadOnlySpan<byte> key, ushort prefix)
    {
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"An SS58 account id has {KeyLength} bytes, not {key.Length}.", nameof(key));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefix, MaxPrefix);
        byte[] prefixBytes = prefix < 64
            ? [(byte)prefix]
            : [(byte)(((prefix & 0xFC) >> 2) | 0x40), (byte)((prefix >> 8) | ((prefix & 0x03) << 6))];
        byte[] payload = [.. prefixBytes, .. key];
        byte[] checksum = Checksum(payload);
        return Base58.Bitcoin.Encode([.. payload, checksum[0], checksum[1]]);
    }

    /// <summary>Reads an SS58 account id under any prefix, or says why the text is not one.</summary>
    public static AddressError TryDecode(string? text, out ushort prefix, out byte[] key, out string problem)
    {
        prefix = 0;
        key = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "is empty";
            return AddressError.Empty;
        }

        for (int i = 0; i < text.Length; i++)
        {
            if (!Alphabet.Contains(text[i], StringComparison.Ordinal))
            {
                problem = char.IsWhiteSpace(text[i])
                    ? $"has white space at position {i}"
                    : $"has '{text[i]}' at position {i}, which is not in the Base58 alphabet";
                return AddressError.BadCharacter;
            }
        }

        byte[] bytes = Base58.Bitcoin.Decode(text);
        if (bytes.Length == 0 || bytes[0] >= 128)
        {
            problem = bytes.Length == 0 ? "decodes to no bytes" : $"starts with byte {bytes[0]}, which is not an SS58 prefix";
            return AddressError.BadLength;
        }

        int prefixLength = bytes[0] < 64 ? 1 : 2;
        int expected = prefixLength + KeyLength + ChecksumLength;
        if (bytes.Length != expected)
        {
            problem = $"decodes to {bytes.Length} bytes, not the {expected} of a {prefixLength}-byte prefix and a 32-byte account id";
            return AddressError.BadLength;
        }

        byte[] checksum = Checksum(bytes.AsSpan(0, prefixLength + KeyLength));
        if (checksum[0] != bytes[^2] || checksum[1] != bytes[^1])
        {
            problem = "fails its SS58 checksum";
            return AddressError.BadChecksum;
        }

        prefix = prefixLength == 1
            ? bytes[0]
            : (ushort)(((bytes[0] & 0x3F) << 2) | (bytes[1] >> 6) | ((bytes[1] & 0x3F) << 8));
        key = bytes[prefixLength..(prefixLength + KeyLength)];
        problem = string.Empty;
        return AddressError.None;
    }

    private static byte[] Checksum(ReadOnlySpan<byte> payload) => Blake2b.Hash(512, ChecksumPreimage, payload.ToArray());
}
