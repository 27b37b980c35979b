using Org.BouncyCastle.Crypto.Digests;

namespace Affiliates.Chainflip.Accounts;

/// <summary>Unkeyed BLAKE2b, as Substrate uses it: 512 bits for the SS58 checksum, 256 bits for derived account ids.</summary>
internal static class Blake2b
{
    public static byte[] Hash(int bits, params ReadOnlySpan<byte[]> parts)
    {
        var digest = new Blake2bDigest(bits);
        foreach (byte[] part in parts)
        {
            digest.BlockUpdate(part, 0, part.Length);
        }

        byte[] hash = new byte[bits / 8];
        digest.DoFinal(hash, 0);
        return hash;
    }
}
