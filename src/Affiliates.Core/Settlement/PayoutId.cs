namespace Affiliates.Settlement;

/// <summary>Stable payout ids: the same (registry, epoch, partner, asset) always gives the same id, so a retried settlement never makes a second payout.</summary>
public static class PayoutId
{
    /// <summary>Returns "po-" followed by the first 20 bytes, in lower-case hex, of the SHA-256 of the canonical encoding of the four keys.</summary>
    public static string For(string registryId, string epochId, string partner, Asset asset)
    {
        ArgumentNullException.ThrowIfNull(registryId);
        ArgumentNullException.ThrowIfNull(epochId);
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(asset);
        return For(new CanonicalWriter(), registryId, epochId, partner, asset);
    }

    internal static string For(CanonicalWriter writer, string registryId, string epochId, string partner, Asset asset)
    {
        writer.Reset();
        writer.Write("affiliates.payout.v1");
        writer.Write(registryId);
        writer.Write(epochId);
        writer.Write(partner);
        writer.Write(asset);
        return "po-" + writer.Sha256Hex()[..40];
    }
}
