using Affiliates.Addresses;
using Nethereum.Util;

namespace Affiliates.Evm;

/// <summary>Reads EVM addresses: 20 bytes as <c>0x</c> and 40 hex digits, canonical in the EIP-55 mixed-case checksum form.</summary>
/// <remarks>
/// Case is not part of an address's identity: an all-lower-case or all-upper-case address is accepted as it is, and a
/// mixed-case address must carry the exact EIP-55 checksum (a single flipped case is a typo the checksum exists to
/// catch). The prefix must be a lower-case <c>0x</c>; surrounding white space is refused rather than trimmed.
/// </remarks>
public sealed class EvmAddressCodec : IAddressCodec
{
    private const int HexDigits = 40;

    /// <summary>Gets the one instance; the codec holds no state.</summary>
    public static EvmAddressCodec Instance { get; } = new();

    /// <inheritdoc />
    public string Family => AddressFamilies.Evm;

    /// <inheritdoc />
    public AddressParseResult Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return AddressParseResult.Invalid(AddressError.Empty, "the address is empty");
        }

        if (!text.StartsWith("0x", StringComparison.Ordinal))
        {
            return AddressParseResult.Invalid(AddressError.BadCharacter, "the address must start with 0x");
        }

        ReadOnlySpan<char> digits = text.AsSpan(2);
        int bad = digits.IndexOfAnyExcept("0123456789abcdefABCDEF");
        if (bad >= 0)
        {
            return AddressParseResult.Invalid(AddressError.BadCharacter, $"character {bad + 2} ('{digits[bad]}') is not a hex digit");
        }

        if (digits.Length != HexDigits)
        {
            return AddressParseResult.Invalid(AddressError.BadLength, $"has {digits.Length} hex digits, not {HexDigits}");
        }

        string canonical = AddressUtil.Current.ConvertToChecksumAddress(text);
        bool mixedCase = digits.IndexOfAnyInRange('a', 'f') >= 0 && digits.IndexOfAnyInRange('A', 'F') >= 0;
        if (mixedCase && !string.Equals(text, canonical, StringComparison.Ordinal))
        {
            return AddressParseResult.Invalid(AddressError.BadChecksum, $"the mixed-case checksum does not match EIP-55 (expected {canonical})");
        }

        return AddressParseResult.Valid(canonical);
    }
}
