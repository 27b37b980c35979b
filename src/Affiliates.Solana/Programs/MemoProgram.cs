using System.Text;
using Affiliates.Solana.Keys;
using Affiliates.Solana.Transactions;

namespace Affiliates.Solana.Programs;

/// <summary>The SPL Memo program: records UTF-8 text in a transaction, optionally proving who signed it.</summary>
internal static class MemoProgram
{
    public static readonly PublicKey ProgramId = new("MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr");

    public static readonly PublicKey V1ProgramId = new("Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A memo (v2) whose <paramref name="signers"/> must all sign the transaction.</summary>
    public static TransactionInstruction NewMemo(string memo, params PublicKey[] signers) => NewMemo(ProgramId, memo, signers);

    /// <summary>A memo for the legacy v1 program, which takes the same data.</summary>
    public static TransactionInstruction NewMemoV1(string memo, params PublicKey[] signers) => NewMemo(V1ProgramId, memo, signers);

    /// <summary>Reads a memo's text, or returns <see langword="null"/> if the bytes are not valid UTF-8 (the memo program would have refused them).</summary>
    public static string? ReadText(byte[] data)
    {
        try
        {
            return StrictUtf8.GetString(data);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static TransactionInstruction NewMemo(PublicKey program, string memo, PublicKey[] signers)
    {
        ArgumentNullException.ThrowIfNull(memo);
        byte[] data;
        try
        {
            data = StrictUtf8.GetBytes(memo);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"The memo is not valid Unicode text: {e.Message}", nameof(memo), e);
        }

        return new TransactionInstruction(program, [.. signers.Select(s => AccountMeta.ReadOnly(s, isSigner: true))], data);
    }
}
