using Affiliates.Solana.Transactions;

namespace Affiliates.Solana.Rpc;

/// <summary>A landed legacy transaction as <c>getTransaction</c> returns it (base64), with the metadata the adapter reads.</summary>
/// <param name="Slot">The slot it landed in.</param>
/// <param name="BlockTime">Unix time of its block, if known.</param>
/// <param name="Transaction">The transaction itself, signatures and message.</param>
/// <param name="Error">The transaction error as JSON, or null if it succeeded.</param>
/// <param name="Fee">The fee charged, in lamports.</param>
/// <param name="PreBalances">Lamports of each account key before.</param>
/// <param name="PostBalances">Lamports of each account key after.</param>
internal sealed record ConfirmedTransaction(ulong Slot, long? BlockTime, Transaction Transaction, string? Error, ulong Fee, IReadOnlyList<ulong> PreBalances, IReadOnlyList<ulong> PostBalances);
