using System.Text;
using Affiliates.Addresses;
using Org.BouncyCastle.Crypto.Digests;

namespace Affiliates.Chainflip.Accounts;

/// <summary>
/// Reads the Ethereum withdrawal address of a delegated affiliate when the host has no EVM address codec registered:
/// the same rules as the EVM codec (<c>0x</c> and 40 hex digits, a mixed-case address must carry its EIP-55 checksum),
/// canonical in the EIP-55 form. Chainflip itself checks no checksum, so this is the only guard against a typo in an
/// address that can never be changed.
/// </summary>
internal sealed class EthereumAddress : IAddressCodec
{
    private const int HexDigits = 40;

    public static EthereumAddress Instance { get; } = new();

    public string Family => AddressFamilies.Evm;

    /// <summary>The form the node writes and we send: <c>0x</c> and lower-case hex.</summary>
    public static string ToWire(string canonical) => canonical.ToLowerInvariant();

    public AddressParseResult Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return AddressParseResult.Invalid(AddressError.Empty, "is empty");
        }

        if (!text.StartsWith("0x", StringComparison.Ordinal))
        {
            return AddressParseResult.Invalid(AddressError.BadCharacter, "does not start with 0x");
        }

        ReadOnlySpan<char> digits = text.AsSpan(2);
        int bad = digits.IndexOfAnyExcept("0123456789abcdefABCDEF");
        if (bad >= 0)
        {
            return AddressParseResult.Invalid(AddressError.BadCharacter, $"has '{digits[bad]}' at position {bad + 2}, which is not a hex digit");
        }

        if (digits.Length != HexDigits)
        {
            return AddressParseResult.Invalid(AddressError.BadLength, $"has {digits.Length} hex digits, not {HexDigits}");
        }

        string canonical = Checksummed(digits.ToString().ToLowerInvariant());
        bool mixedCase = digits.IndexOfAnyInRange('a', 'f') >= 0 && digits.IndexOfAnyInRange('A', 'F') >= 0;
        return mixedCase && !string.Equals(text, canonical, StringComparison.Ordinal)
            ? AddressParseResult.Invalid(AddressError.BadChecksum, $"does not match its EIP-55 checksum (expected {canonical})")
            : AddressParseResult.Valid(canonical);
    }

    private static string Checksummed(string lower)
    {
        byte[] input = Encoding.ASCII.GetBytes(lower);
        var keccak = new KeccakDigest(256);
        keccak.BlockUpdate(input, 0, input.Length);
        byte[] hash = new byte[32];
        keccak.DoFinal(hash, 0);
        var result = new StringBuilder("0x", 2 + HexDigits);
        for (int i = 0; i < HexDigits; i++)
        {
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0F;
            result.Append(nibble >= 8 ? char.ToUpperInvariant(lower[i]) : lower[i]);
        }

        return result.ToString();
    }
}
