using Affiliates.Solana.Keys;
using Affiliates.Solana.Programs;
using Affiliates.Solana.Tests.Keys;
using Affiliates.Solana.Transactions;

namespace Affiliates.Solana.Tests.Transactions;

public sealed class LegacyMessageTests
{
    // web3.js test/transaction.test.ts "parse wire format and serialize" (chain-formats.md S5).
    private const string GoldenTransfer =
        "AVuErQHaXv0SG0/PchunfxHKt8wMRfMZzqV0tkC5qO6owYxWU2v871AoWywGoFQr4z+q/7mE8lIufNl/kxj+nQ0BAAEDE5j2LG0aRXxRumpLXz29L2n8qTIWIY3ImX5Ba9F9k8r9Q5/Mtmcn8onFxt47xKj+XdXXd3C8j/FcPu7csUrz/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAxJrndgN4IFTxep3s6kO0ROug7bEsbx0xxuDkqEvwUusBAgIAAQwCAAAAMQAAAAAAAAA=";

    // The same transfer as a v0 message with no lookup tables, signed with the same key [computed] (chain-formats.md S6).
    private const string GoldenTransferV0 =
        "Ae4Ae3gDAs8nBYFDjggePJQUOb3jFH8/gHK+7CbfccFSI+hcTksL03GUi4I+gKwLDnxTjNQgM+VNbreDsBeppQ+AAQABAxOY9ixtGkV8UbpqS189vS9p/KkyFiGNyJl+QWvRfZPK/UOfzLZnJ/KJxcbeO8So/l3V13dwvI/xXD7u3LFK8/wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAMSa53YDeCBU8Xqd7OpDtETroO2xLG8dMcbg5KhL8FLrAQICAAEMAgAAADEAAAAAAAAAAA==";

    private static readonly Keypair Eights = Keypair.FromSeed(Enumerable.Repeat((byte)8, 32).ToArray());

    private static LegacyMessage GoldenMessage() => LegacyMessage.Compile(
        Eights.PublicKey,
        "EETubP5AKHgjPAhzPAFcb8BAY1hMH639CWCFTqi3hq1k",
        [SystemProgram.Transfer(Eights.PublicKey, new PublicKey("J3dxNj7nDRRqRRXuEMynDG57DkZK4jYRuv3Garmb1i99"), 49)]);

    [Fact]
    public void SignedTransfer_IsTheWeb3GoldenTransactionByteForByte()
    {
        Transaction transaction = Transaction.Sign(GoldenMessage(), [Eights]);
        byte[] bytes = transaction.Serialize();
        Assert.Equal(215, bytes.Length);
        Assert.Equal(GoldenTransfer, Convert.ToBase64String(bytes));
        Assert.Equal("2q8Fs6wmDHcdNKJnVJoXYnDVqrWm8GYsxYt2QwUPvadkEQXinWJRwWVzxdUmJY9YH8iZETcXjk3ZdBcDUkuUtfKz", transaction.Id);
        Assert.Equal(bytes.Length, Transaction.SizeOf(transaction.Message));
    }

    [Fact]
    public void GoldenTransfer_HasTheAnnotatedLayout()
    {
        LegacyMessage message = GoldenMessage();
        Assert.Equal((1, 0, 1), (message.RequiredSignatures, message.ReadonlySigned, message.ReadonlyUnsigned));
        Assert.Equal(
            ["2KW2XRd9kwqet15Aha2oK3tYvd3nWbTFH1MBiRAv1BE1", "J3dxNj7nDRRqRRXuEMynDG57DkZK4jYRuv3Garmb1i99", "11111111111111111111111111111111"],
            message.AccountKeys.Select(k => k.Key));
        CompiledInstruction transfer = Assert.Single(message.Instructions);
        Assert.Equal(2, transfer.ProgramIdIndex);
        Assert.Equal([0, 1], transfer.AccountIndexes);
        Assert.Equal("020000003100000000000000", Hex.Of(transfer.Data));
        Assert.Equal(150, message.Serialize().Length);
    }

    [Fact]
    public void UnsignedTransfer_HasZeroSignatureSlot()
    {
        byte[] bytes = Transaction.Unsigned(GoldenMessage()).Serialize();
        byte[] golden = Convert.FromBase64String(GoldenTransfer);
        Assert.StartsWith("AQAAAA", Convert.ToBase64String(bytes), StringComparison.Ordinal);
        Assert.Equal(new byte[64], bytes[1..65]);
        Assert.Equal(golden[65..], bytes[65..]);
    }

    [Fact]
    public void GoldenTransfer_DeserializesAndItsSignatureVerifies()
    {
        Transaction transaction = Transaction.Deserialize(Convert.FromBase64String(GoldenTransfer));
        Assert.True(transaction.HasValidSignatures());
        Assert.Equal("EETubP5AKHgjPAhzPAFcb8BAY1hMH639CWCFTqi3hq1k", transaction.Message.RecentBlockhash);
        Assert.Equal(GoldenMessage().Serialize(), transaction.Message.Serialize());
        Assert.True(transaction.Message.IsWritable(0));
        Assert.True(transaction.Message.IsWritable(1));
        Assert.False(transaction.Message.IsWritable(2));
    }

    [Fact]
    public void VersionedTransfer_IsTheLegacyMessageBetween0x80AndNoLookups_AndIsRefusedAsLegacy()
    {
        byte[] v0 = Convert.FromBase64String(GoldenTransferV0);
        byte[] legacy = GoldenMessage().Serialize();
        byte[] message = v0[65..];
        Assert.Equal(0x80, message[0]);
        Assert.Equal(legacy, message[1..^1]);
        Assert.Equal(0, message[^1]);
        Assert.True(Eights.PublicKey.Verify(message, v0[1..65]));
        var e = Assert.Throws<FormatException>(() => Transaction.Deserialize(v0));
        Assert.Contains("versioned (version 0)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SolnetTransferAndMemo_CompilesToItsMessageByteForByte()
    {
        // The message in Solnet's AccountTest: a 10 000 000-lamport transfer and a v1 memo signed by the payer; the memo
        // program sits among the read-only non-signers, after the System program.
        int offset = 0;
        LegacyMessage parsed = LegacyMessage.Deserialize(KeypairTests.SolnetMessage, ref offset);
        Assert.Equal(KeypairTests.SolnetMessage.Length, offset);
        Assert.Equal((1, 0, 2), (parsed.RequiredSignatures, parsed.ReadonlySigned, parsed.ReadonlyUnsigned));
        PublicKey payer = parsed.AccountKeys[0];
        Assert.Equal("ALSzrjtGi8MZGmAZa6ZhtUZq3rwurWuJqWFdgcj9MMFL", payer.Key);
        Assert.Equal(MemoProgram.V1ProgramId, parsed.AccountKeys[3]);
        Assert.Equal("020000008096980000000000", Hex.Of(parsed.Instructions[0].Data));

        LegacyMessage compiled = LegacyMessage.Compile(
            payer,
            parsed.RecentBlockhash,
            [SystemProgram.Transfer(payer, parsed.AccountKeys[1], 10_000_000), MemoProgram.NewMemoV1("Hello from Sol.Net :)", payer)]);
        Assert.Equal(KeypairTests.SolnetMessage, compiled.Serialize());
    }

    [Fact]
    public void DuplicateAccounts_MergeSignerAndWritable_AndGroupsFollowTheRules()
    {
        PublicKey payer = Eights.PublicKey;
        PublicKey a = Keypair.FromSeed(new byte[32]).PublicKey;
        PublicKey b = Keypair.FromSeed(Enumerable.Repeat((byte)1, 32).ToArray()).PublicKey;
        PublicKey c = Keypair.FromSeed(Enumerable.Repeat((byte)2, 32).ToArray()).PublicKey;
        PublicKey program = Keypair.FromSeed(Enumerable.Repeat((byte)3, 32).ToArray()).PublicKey;
        LegacyMessage message = LegacyMessage.Compile(payer, "EETubP5AKHgjPAhzPAFcb8BAY1hMH639CWCFTqi3hq1k",
        [
            new TransactionInstruction(program, [AccountMeta.ReadOnly(a, false), AccountMeta.ReadOnly(b, true), AccountMeta.ReadOnly(c, false)], [1]),
            new TransactionInstruction(program, [AccountMeta.Writable(a, false), AccountMeta.ReadOnly(c, true), AccountMeta.ReadOnly(payer, false)], [2]),
        ]);
        Assert.Equal([payer, b, c, a, program], message.AccountKeys);
        Assert.Equal((3, 2, 1), (message.RequiredSignatures, message.ReadonlySigned, message.ReadonlyUnsigned));
        Assert.Equal([true, false, false, true, false], Enumerable.Range(0, 5).Select(message.IsWritable));
        Assert.Throws<ArgumentException>(() => Transaction.Sign(message, [Eights]));
    }

    [Fact]
    public void Compile_WithoutInstructionsOrWithABadBlockhash_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => LegacyMessage.Compile(Eights.PublicKey, "EETubP5AKHgjPAhzPAFcb8BAY1hMH639CWCFTqi3hq1k", []));
        Assert.Throws<FormatException>(() => LegacyMessage.Compile(Eights.PublicKey, "not-a-hash", [SystemProgram.Transfer(Eights.PublicKey, Eights.PublicKey, 1)]));
    }

    [Fact]
    public void Deserialize_TruncatedOrWithTrailingBytes_IsRefused()
    {
        byte[] golden = Convert.FromBase64String(GoldenTransfer);
        for (int length = 0; length < golden.Length; length += 7)
        {
            Assert.Throws<FormatException>(() => Transaction.Deserialize(golden[..length]));
        }

        Assert.Throws<FormatException>(() => Transaction.Deserialize([.. golden, 0]));
    }
}
