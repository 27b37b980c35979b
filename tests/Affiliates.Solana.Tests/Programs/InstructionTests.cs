using Affiliates.Solana.Keys;
using Affiliates.Solana.Programs;
using Affiliates.Solana.Transactions;

namespace Affiliates.Solana.Tests.Programs;

public sealed class InstructionTests
{
    private static readonly PublicKey A = Keypair.FromSeed(new byte[32]).PublicKey;
    private static readonly PublicKey B = Keypair.FromSeed(Enumerable.Repeat((byte)1, 32).ToArray()).PublicKey;
    private static readonly PublicKey Usdc = new("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v");

    [Theory]
    [InlineData(10_000_000UL, "020000008096980000000000")]
    [InlineData(49UL, "020000003100000000000000")]
    public void SystemTransfer_MatchesSolnetAndWeb3(ulong lamports, string hex)
    {
        TransactionInstruction transfer = SystemProgram.Transfer(A, B, lamports);
        Assert.Equal(hex, Hex.Of(transfer.Data));
        Assert.Equal("11111111111111111111111111111111", transfer.ProgramId.Key);
        Assert.Equal([AccountMeta.Writable(A, true), AccountMeta.Writable(B, false)], transfer.Keys);
    }

    [Theory]
    [InlineData(25_000UL, 2, "0ca86100000000000002")]
    [InlineData(1_000_000UL, 6, "0c40420f000000000006")]
    public void TransferChecked_MatchesSolnet(ulong amount, byte decimals, string hex)
    {
        PublicKey source = Keypair.Generate().PublicKey;
        PublicKey destination = Keypair.Generate().PublicKey;
        TransactionInstruction transfer = TokenProgram.TransferChecked(source, Usdc, destination, A, amount, decimals);
        Assert.Equal(hex, Hex.Of(transfer.Data));
        Assert.Equal("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", transfer.ProgramId.Key);
        Assert.Equal(
            [AccountMeta.Writable(source, false), AccountMeta.ReadOnly(Usdc, false), AccountMeta.Writable(destination, false), AccountMeta.ReadOnly(A, true)],
            transfer.Keys);
    }

    [Theory]
    [InlineData("B8UwBUUnKwCyKuGMbFKWaG7exYdDk2ozZrPg72NyVbfj", "7o36UsWR1JQLpZ9PE2gn9L4SQ69CNNiWAXd4Jt7rqz9Z", "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", false, "DShWnroshVbeUp28oopA3Pu7oFPDBtC1DBmPECXXAQ9n", 253)]
    [InlineData("DShWnroshVbeUp28oopA3Pu7oFPDBtC1DBmPECXXAQ9n", "7o36UsWR1JQLpZ9PE2gn9L4SQ69CNNiWAXd4Jt7rqz9Z", "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", true, "F3DmXZFqkfEWFA7MN2vDPs813GeEWPaT6nLk4PSGuWJd", 253)]
    [InlineData("3h1zGmCwsRJnVk5BuRNMLsPaQu1y2aqXqXDWYCgrp5UG", "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", false, "3uetDDizgTtadDHZzyy9BqxrjQcozMEkxzbKhfZF4tG3", 255)]
    [InlineData("22Wnk8PwyWZV7BfkZGJEKT9jGGdtvu7xY6EXeRh7zkBa", "2b1kV6DkPAnxd5ixfnxCpjxmKwqjjaYmCZfHsFu24GXo", "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb", false, "5nu6HDY7t1Ds8oPNsArrhb1rzvRqmGubyteyAUncFyNb", 251)]
    public void AssociatedTokenAccount_MatchesTheReference(string owner, string mint, string program, bool offCurve, string expected, int expectedBump)
    {
        PublicKey account = AssociatedTokenAccountProgram.Derive(new PublicKey(owner), new PublicKey(mint), new PublicKey(program), offCurve, out byte bump);
        Assert.Equal(expected, account.Key);
        Assert.Equal(expectedBump, bump);
    }

    [Fact]
    public void AssociatedTokenAccount_OfAnOffCurveOwner_NeedsTheFlag()
    {
        var e = Assert.Throws<ArgumentException>(() => AssociatedTokenAccountProgram.Derive(new PublicKey("DShWnroshVbeUp28oopA3Pu7oFPDBtC1DBmPECXXAQ9n"), Usdc));
        Assert.Equal("owner", e.ParamName);
    }

    [Fact]
    public void CreateIdempotent_IsTagOneWithSixAccounts()
    {
        TransactionInstruction create = AssociatedTokenAccountProgram.CreateIdempotent(A, B, Usdc);
        Assert.Equal("01", Hex.Of(create.Data));
        Assert.Equal("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL", create.ProgramId.Key);
        Assert.Equal(
            [
                AccountMeta.Writable(A, true),
                AccountMeta.Writable(AssociatedTokenAccountProgram.Derive(B, Usdc), false),
                AccountMeta.ReadOnly(B, false),
                AccountMeta.ReadOnly(Usdc, false),
                AccountMeta.ReadOnly(SystemProgram.ProgramId, false),
                AccountMeta.ReadOnly(TokenProgram.ProgramId, false),
            ],
            create.Keys);
    }

    [Fact]
    public void Memo_IsUtf8WithReadOnlySigners()
    {
        TransactionInstruction memo = MemoProgram.NewMemo("Hello from Sol.Net :) \u2609", A);
        Assert.Equal("MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr", memo.ProgramId.Key);
        Assert.Equal("Hello from Sol.Net :) \u2609", MemoProgram.ReadText(memo.Data));
        Assert.Equal([AccountMeta.ReadOnly(A, true)], memo.Keys);
        Assert.Empty(MemoProgram.NewMemo("unsigned").Keys);
        Assert.Null(MemoProgram.ReadText([0xff, 0xfe]));
        Assert.Throws<ArgumentException>(() => MemoProgram.NewMemo("\ud800"));
    }

    [Fact]
    public void ComputeBudget_MatchesWeb3()
    {
        Assert.Equal("02400d0300", Hex.Of(ComputeBudgetProgram.SetComputeUnitLimit(200_000).Data));
        Assert.Equal("03e803000000000000", Hex.Of(ComputeBudgetProgram.SetComputeUnitPrice(1_000).Data));
        Assert.Equal("ComputeBudget111111111111111111111111111111", ComputeBudgetProgram.SetComputeUnitPrice(1).ProgramId.Key);
        Assert.Empty(ComputeBudgetProgram.SetComputeUnitLimit(1).Keys);
    }

    [Theory]
    [InlineData("global", "initialize", "afaf6d1f0d989bed")]
    [InlineData("account", "NewAccount", "b05f04765bb17de8")]
    [InlineData("global", "swap_and_bridge", "cc3fa9abba7d569f")]
    public void AnchorDiscriminators_MatchTheReference(string space, string name, string hex)
    {
        byte[] discriminator = space == "global" ? AnchorDiscriminator.ForInstruction(name) : AnchorDiscriminator.ForAccount(name);
        Assert.Equal(hex, Hex.Of(discriminator));
    }
}
