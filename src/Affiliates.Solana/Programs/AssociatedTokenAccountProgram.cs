using Affiliates.Solana.Keys;
using Affiliates.Solana.Transactions;

namespace Affiliates.Solana.Programs;

/// <summary>The Associated Token Account program: one canonical token account per (owner, token program, mint).</summary>
internal static class AssociatedTokenAccountProgram
{
    public static readonly PublicKey ProgramId = new("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL");

    private const byte CreateIdempotentTag = 1;

    /// <summary>Derives the associated token account of <paramref name="owner"/> for <paramref name="mint"/>.</summary>
    /// <exception cref="ArgumentException">The owner is off the curve (a PDA) and <paramref name="allowOwnerOffCurve"/> is not set.</exception>
    public static PublicKey Derive(PublicKey owner, PublicKey mint, PublicKey? tokenProgramId = null, bool allowOwnerOffCurve = false) =>
        Derive(owner, mint, tokenProgramId, allowOwnerOffCurve, out _);

    public static PublicKey Derive(PublicKey owner, PublicKey mint, PublicKey? tokenProgramId, bool allowOwnerOffCurve, out byte bump)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(mint);
        if (!allowOwnerOffCurve && !owner.IsOnCurve())
        {
            throw new ArgumentException($"The owner {owner} is not a wallet key (it is off the Ed25519 curve); set allowOwnerOffCurve to derive a token account for a program address.", nameof(owner));
        }

        PublicKey program = tokenProgramId ?? TokenProgram.ProgramId;
        if (!PublicKey.TryFindProgramAddress([owner.KeyBytes, program.KeyBytes, mint.KeyBytes], ProgramId, out PublicKey? address, out bump))
        {
            throw new InvalidOperationException($"No associated token account exists for {owner} and {mint}.");
        }

        return address;
    }

    /// <summary>Creates <paramref name="owner"/>'s token account for <paramref name="mint"/>, paid by <paramref name="payer"/>, or does nothing if it exists.</summary>
    public static TransactionInstruction CreateIdempotent(PublicKey payer, PublicKey owner, PublicKey mint, PublicKey? tokenProgramId = null, bool allowOwnerOffCurve = false)
    {
        PublicKey program = tokenProgramId ?? TokenProgram.ProgramId;
        PublicKey account = Derive(owner, mint, program, allowOwnerOffCurve);
        return new TransactionInstruction(
            ProgramId,
            [
                AccountMeta.Writable(payer, isSigner: true),
                AccountMeta.Writable(account, isSigner: false),
                AccountMeta.ReadOnly(owner, isSigner: false),
                AccountMeta.ReadOnly(mint, isSigner: false),
                AccountMeta.ReadOnly(SystemProgram.ProgramId, isSigner: false),
                AccountMeta.ReadOnly(program, isSigner: false),
            ],
            [CreateIdempotentTag]);
    }
}
