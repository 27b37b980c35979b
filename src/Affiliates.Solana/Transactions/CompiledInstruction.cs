namespace Affiliates.Solana.Transactions;

/// <summary>An instruction inside a message: indexes into the message's account keys instead of keys.</summary>
internal sealed record CompiledInstruction(byte ProgramIdIndex, byte[] AccountIndexes, byte[] Data);
