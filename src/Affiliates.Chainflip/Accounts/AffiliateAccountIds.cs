using System.Text;

namespace Affiliates.Chainflip.Accounts;

/// <summary>
/// Chainflip's derivation of a delegated affiliate's account id from its broker and short id (cf-swapping:
/// BLAKE2b-256 of <c>"chainflip/affiliate"</c>, the broker's 32 bytes and the short-id byte).
/// </summary>
/// <remarks>
/// Only a cross-check of what the node answers: an open proposal (chainflip-backend #6909) adds the withdrawal address
/// to the preimage, so the id a broker stores is always the one read back from <c>cf_get_affiliates</c>.
/// </remarks>
internal static class AffiliateAccountIds
{
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("chainflip/affiliate");

    public static ChainflipAccountId Derive(ChainflipAccountId broker, byte shortId) =>
        new(Blake2b.Hash(256, Domain, broker.Bytes, [shortId]));
}
