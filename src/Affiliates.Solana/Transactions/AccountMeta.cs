using Affiliates.Solana.Keys;

namespace Affiliates.Solana.Transactions;

/// <summary>An account an instruction uses, and whether it must sign and may be written.</summary>
internal readonly record struct AccountMeta(PublicKey PublicKey, bool IsSigner, bool IsWritable)
{
    public static AccountMeta Writable(PublicKey publicKey, bool isSigner) => new(publicKey, isSigner, IsWritable: true);

    public static AccountMeta ReadOnly(PublicKey publicKey, bool isSigner) => new(publicKey, isSigner, IsWritable: false);
}
