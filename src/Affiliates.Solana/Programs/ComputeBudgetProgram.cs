using System.Buffers.Binary;
using Affiliates.Solana.Keys;
using Affiliates.Solana.Transactions;

namespace Affiliates.Solana.Programs;

/// <summary>The Compute Budget program: a transaction's compute-unit limit and priority fee. No accounts.</summary>
internal static class ComputeBudgetProgram
{
    public static readonly PublicKey ProgramId = new("ComputeBudget111111111111111111111111111111");

    private const byte SetComputeUnitLimitTag = 2;
    private const byte SetComputeUnitPriceTag = 3;

    public static TransactionInstruction SetComputeUnitLimit(uint units)
    {
        byte[] data = new byte[5];
        data[0] = SetComputeUnitLimitTag;
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(1), units);
        return new TransactionInstruction(ProgramId, [], data);
    }

    /// <summary>The priority fee, in micro-lamports per compute unit.</summary>
    public static TransactionInstruction SetComputeUnitPrice(ulong microLamports)
    {
        byte[] data = new byte[9];
        data[0] = SetComputeUnitPriceTag;
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(1), microLamports);
        return new TransactionInstruction(ProgramId, [], data);
    }
}
