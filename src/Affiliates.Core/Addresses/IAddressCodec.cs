namespace Affiliates.Addresses;

/// <summary>Reads the addresses of one chain family: validates them and gives the one canonical form the engine compares.</summary>
/// <remarks>
/// Two texts name the same account exactly when their canonical forms are equal (ordinally): an EVM codec folds case
/// and gives the EIP-55 checksum form, a Solana codec gives Base58, an SS58 codec gives the address under the chain's
/// prefix. Chain adapters supply implementations; the engine uses the codec of the registry's chain family.
/// </remarks>
public interface IAddressCodec
{
    /// <summary>The chain family whose addresses this codec reads, one of <see cref="AddressFamilies"/>.</summary>
    string Family { get; }

    /// <summary>Validates <paramref name="text"/> and returns its canonical form, or why it is not an address.</summary>
    AddressParseResult Parse(string text);
}
