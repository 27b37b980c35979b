namespace Affiliates.Solana.Rpc;

/// <summary>One entry of <c>getSignaturesForAddress</c>, newest first.</summary>
internal sealed record SignatureInfo(string Signature, ulong Slot, string? Error, string? Memo, long? BlockTime, SolanaCommitment Commitment);
