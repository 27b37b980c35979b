using System.Buffers.Binary;
using Affiliates.Solana.Keys;
using Affiliates.Solana.Transactions;

namespace Affiliates.Solana.Programs;

/// <summary>The System program: creates accounts and moves lamports. Instruction tags are u32 little-endian.</summary>
internal static class SystemProgram
{
    public static readonly PublicKey ProgramId = new("11111111111111111111111111111111");

    private const uint TransferTag = 2;

    /// <summary>Moves <paramref name="lamports"/> from <paramref name="from"/> (signer) to <paramref name="to"/>.</summary>
    public static TransactionInstruction Transfer(PublicKey from, PublicKey to, ulong lamports)
    {
        byte[] data = new byte[12];
        BinaryPrimitives.WriteUInt32LittleEndian(data, TransferTag);
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(4), lamports);
        return new TransactionInstruction(ProgramId, [AccountMeta.Writable(from, isSigner: true), AccountMeta.Writable(to, isSigner: false)], data);
    }
}
