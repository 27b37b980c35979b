namespace Affiliates.Settlement;

/// <summary>Stable payout ids: the same (registry, epoch, payee, address, asset) always gives the same id, so a retried settlement never makes a second payout.</summary>
/// <remarks>
/// The id is "po-" followed by the first 20 bytes, in lower-case hex, of the SHA-256 of the canonical encoding
/// (<see cref="StatementHasher"/>'s: 4-byte big-endian length-prefixed UTF-8 strings, 4-byte big-endian integers) of
/// "affiliates.payout.v2", the registry id, the epoch id, the payee kind (1 partner, 2 user), the payee, the address,
/// and the asset's chain, symbol, decimals and contract (empty for a native asset).
/// </remarks>
public static class PayoutId
{
    /// <summary>Returns the payout id of a partner's payout to <paramref name="partner"/> itself.</summary>
    public static string For(string registryId, string epochId, string partner, Asset asset) =>
        For(registryId, epochId, PayeeKind.Partner, partner, partner, asset);

    /// <summary>Returns the payout id of <paramref name="payee"/>'s payout to <paramref name="address"/>.</summary>
    public static string For(string registryId, string epochId, PayeeKind kind, string payee, string address, Asset asset)
    {
        ArgumentNullException.ThrowIfNull(registryId);
        ArgumentNullException.ThrowIfNull(epochId);
        ArgumentNullException.ThrowIfNull(payee);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(asset);
        return For(new CanonicalWriter(), registryId, epochId, kind, payee, address, asset);
    }

    internal static string For(CanonicalWriter writer, string registryId, string epochId, PayeeKind kind, string payee, string address, Asset asset)
    {
        writer.Reset();
        writer.Write("affiliates.payout.v2");
        writer.Write(registryId);
        writer.Write(epochId);
        writer.Write((int)kind);
        writer.Write(payee);
        writer.Write(address);
        writer.Write(asset);
        return "po-" + writer.Sha256Hex()[..40];
    }
}
