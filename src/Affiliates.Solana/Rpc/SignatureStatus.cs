namespace Affiliates.Solana.Rpc;

/// <summary>Where a landed transaction is: its slot, how settled it is, and its error if it failed (it still paid its fee).</summary>
/// <param name="Slot">The slot it landed in.</param>
/// <param name="Confirmations">Blocks confirmed on top of it; null once rooted.</param>
/// <param name="Error">The transaction error as JSON, or null if it succeeded.</param>
/// <param name="Commitment">How settled it is.</param>
internal sealed record SignatureStatus(ulong Slot, ulong? Confirmations, string? Error, SolanaCommitment Commitment)
{
    public bool Reached(SolanaCommitment wanted) => Commitment >= wanted;
}
