using Affiliates.Solana.Keys;

namespace Affiliates.Solana.Transactions;

/// <summary>One call of a program: the program, the accounts it touches in order, and its instruction data.</summary>
internal sealed record TransactionInstruction(PublicKey ProgramId, IReadOnlyList<AccountMeta> Keys, byte[] Data);
