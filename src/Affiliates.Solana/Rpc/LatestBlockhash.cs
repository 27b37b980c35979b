namespace Affiliates.Solana.Rpc;

/// <summary>A recent blockhash and the last block height at which a transaction carrying it can still land.</summary>
internal sealed record LatestBlockhash(string Blockhash, ulong LastValidBlockHeight);
