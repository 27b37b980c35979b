using System.Buffers.Binary;
using Affiliates.Solana.Keys;
using Affiliates.Solana.Transactions;

namespace Affiliates.Solana.Programs;

/// <summary>The SPL Token program (and Token-2022, which shares its instruction layout). Instruction tags are one byte.</summary>
internal static class TokenProgram
{
    public static readonly PublicKey ProgramId = new("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");

    public static readonly PublicKey Token2022ProgramId = new("TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb");

    /// <summary>The size of a token account's data.</summary>
    public const int TokenAccountLength = 165;

    /// <summary>The size of a mint's data.</summary>
    public const int MintLength = 82;

    private const byte TransferCheckedTag = 12;

    /// <summary>Moves <paramref name="amount"/> base units from <paramref name="source"/> to <paramref name="destination"/>, checking the mint and its decimals.</summary>
    public static TransactionInstruction TransferChecked(PublicKey source, PublicKey mint, PublicKey destination, PublicKey owner, ulong amount, byte decimals, PublicKey? tokenProgramId = null)
    {
        byte[] data = new byte[10];
        data[0] = TransferCheckedTag;
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(1), amount);
        data[9] = decimals;
        return new TransactionInstruction(
            tokenProgramId ?? ProgramId,
            [
                AccountMeta.Writable(source, isSigner: false),
                AccountMeta.ReadOnly(mint, isSigner: false),
                AccountMeta.Writable(destination, isSigner: false),
                AccountMeta.ReadOnly(owner, isSigner: true),
            ],
            data);
    }
}
