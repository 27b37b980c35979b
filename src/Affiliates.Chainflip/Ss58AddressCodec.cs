using Affiliates.Addresses;
using Affiliates.Chainflip.Accounts;

namespace Affiliates.Chainflip;

/// <summary>Reads Chainflip account ids: SS58 under prefix 2112, canonical as the "cF…" text of the decoded bytes.</summary>
/// <remarks>The same key under another SS58 prefix is refused as <see cref="AddressError.WrongNetwork"/>: what a person types must be a Chainflip address.</remarks>
internal sealed class Ss58AddressCodec : IAddressCodec
{
    public string Family => AddressFamilies.Ss58;

    public AddressParseResult Parse(string text) => ChainflipAccountId.TryRead(text, anyNetwork: false, out _);
}
