using Affiliates.Addresses;
using Affiliates.Solana.Keys;

namespace Affiliates.Solana;

/// <summary>Reads Solana addresses: Base58 (Bitcoin alphabet, no white space) of exactly 32 bytes; the canonical form is the Base58 itself.</summary>
/// <remarks>Program-derived addresses are addresses too, so the codec does not require a point on the curve.</remarks>
internal sealed class SolanaAddressCodec : IAddressCodec
{
    public string Family => AddressFamilies.Solana;

    public AddressParseResult Parse(string text) => PublicKey.Read(text, out _);
}
