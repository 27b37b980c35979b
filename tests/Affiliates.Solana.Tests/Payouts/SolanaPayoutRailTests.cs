using Affiliates.Payouts;
using Affiliates.Solana.Keys;
using Affiliates.Solana.Payouts;
using Affiliates.Solana.Programs;
using Affiliates.Solana.Rpc;
using Affiliates.Solana.Tests.LocalValidator;
using Affiliates.Solana.Transactions;
using static Affiliates.Solana.Tests.Payouts.PayoutTestData;

namespace Affiliates.Solana.Tests.Payouts;

[Collection(SolanaRpcCollection.Name)]
public sealed class SolanaPayoutRailTests(SolanaRpcServer server) : IDisposable
{
    private static readonly Asset Usdc = Asset.UsdcSolana;
    private static readonly PublicKey UsdcMint = new(Usdc.Contract!);

    private readonly LocalChain chain = server.NewChain();

    public void Dispose() => chain.Dispose();

    private SolanaPayoutRail Rail(Keypair? payer, Action<SolanaOptions>? configure = null)
    {
        var options = new SolanaOptions { RpcUrl = chain.Url, Payer = payer };
        configure?.Invoke(options);
        return new SolanaPayoutRail(() => chain.Rpc, options);
    }

    private async Task<Keypair> PayerWithUsdcAsync(ulong usdc)
    {
        Keypair payer = await chain.FundedKeypairAsync(100_000_000_000);
        await chain.CreateMintAsync(UsdcMint, 6);
        await chain.CreateTokenAccountAsync(payer.PublicKey, UsdcMint, usdc);
        return payer;
    }

    private async Task<ulong> UsdcOfAsync(PublicKey owner) =>
        await chain.Rpc.GetAccountInfoAsync(AssociatedTokenAccountProgram.Derive(owner, UsdcMint)) is null
            ? 0
            : (await chain.Rpc.GetTokenAccountBalanceAsync(AssociatedTokenAccountProgram.Derive(owner, UsdcMint))).Amount;

    [Fact]
    public async Task SolPayouts_ThreeInOneTransaction_LandWithExactBalances_AndTheMemoNamesTheTransfer()
    {
        Keypair payer = await chain.FundedKeypairAsync(50_000_000_000);
        PublicKey[] payees = [NewWallet(), NewWallet(), NewWallet()];
        await chain.Rpc.RequestAirdropAsync(payees[2], 1_000_000_000);
        TransferRequest request = Request(Line(payees[0], Asset.Sol, 1_234_567_891), Line(payees[1], Asset.Sol, 890_880), Line(payees[2], Asset.Sol, 1));
        SolanaPayoutRail rail = Rail(payer);

        PreparedTransfer prepared = await rail.PrepareAsync(request);
        Assert.Equal(TransferState.Unknown, (await rail.GetStatusAsync(prepared)).State);
        TransferStatus sent = await rail.BroadcastAsync(prepared);
        TransferStatus status = await rail.GetStatusAsync(prepared);

        Assert.Equal(TransferState.Pending, sent.State);
        Assert.Equal(prepared.TransactionId, sent.TransactionId);
        Assert.Equal(TransferState.Confirmed, status.State);
        Assert.Equal(rail.Profile.ConfirmationDepth, status.Depth);
        Assert.Equal(1_234_567_891UL, await chain.Rpc.GetBalanceAsync(payees[0]));
        Assert.Equal(890_880UL, await chain.Rpc.GetBalanceAsync(payees[1]));
        Assert.Equal(1_000_000_001UL, await chain.Rpc.GetBalanceAsync(payees[2]));
        ConfirmedTransaction landed = (await chain.Rpc.GetTransactionAsync(prepared.TransactionId!))!;
        Assert.Equal(50_000_000_000UL - 1_234_567_891 - 890_880 - 1 - landed.Fee, await chain.Rpc.GetBalanceAsync(payer.PublicKey));
        CompiledInstruction memo = landed.Transaction.Message.Instructions.Single(i => landed.Transaction.Message.AccountKeys[i.ProgramIdIndex] == MemoProgram.ProgramId);
        Assert.Equal($"affiliates payout {request.Key} attempt 1", MemoProgram.ReadText(memo.Data));
    }

    [Fact]
    public async Task UsdcPayouts_EightInOneTransaction_CreateMissingTokenAccounts_AndLandExactly()
    {
        Keypair payer = await PayerWithUsdcAsync(1_000_000_000_000);
        PublicKey[] payees = [.. Enumerable.Range(0, 8).Select(_ => NewWallet())];
        await chain.CreateTokenAccountAsync(payees[3], UsdcMint, 5);
        TransferLine[] lines = [.. payees.Select((p, i) => Line(p, Usdc, 1_000_000L * (i + 1) + i))];
        SolanaPayoutRail rail = Rail(payer, o => o.ComputeUnitPrice = 1_000);

        PreparedTransfer prepared = await rail.PrepareAsync(Request(lines));
        Assert.InRange(prepared.Payload.Length, 1, Transaction.MaxSize);
        await rail.BroadcastAsync(prepared);

        Assert.Equal(TransferState.Confirmed, (await rail.GetStatusAsync(prepared)).State);
        for (int i = 0; i < payees.Length; i++)
        {
            Assert.Equal((ulong)(1_000_000L * (i + 1) + i) + (i == 3 ? 5UL : 0), await UsdcOfAsync(payees[i]));
        }

        ulong paid = (ulong)lines.Sum(l => (long)l.Amount.Units);
        Assert.Equal(1_000_000_000_000UL - paid, await UsdcOfAsync(payer.PublicKey));
    }

    [Fact]
    public async Task TwoLinesToOnePayee_BothLand()
    {
        Keypair payer = await PayerWithUsdcAsync(10_000_000);
        PublicKey payee = NewWallet();
        SolanaPayoutRail rail = Rail(payer);
        var outbox = new Outbox(rail, chain, Request(Line(payee, Usdc, 1_500_000), Line(payee, Usdc, 2_500_000)));

        Assert.Equal(TransferState.Confirmed, (await outbox.ResumeAsync()).State);
        Assert.Equal(4_000_000UL, await UsdcOfAsync(payee));
    }

    [Fact]
    public async Task FinalizedCommitment_IsPendingUntil32BlocksOnTop()
    {
        Keypair payer = await chain.FundedKeypairAsync();
        PublicKey payee = NewWallet();
        SolanaPayoutRail rail = Rail(payer, o => o.Commitment = SolanaCommitment.Finalized);
        PreparedTransfer prepared = await rail.PrepareAsync(Request(Line(payee, Asset.Sol, 2_000_000)));
        await rail.BroadcastAsync(prepared);

        // The local chain moves on one block with every landed transaction: one block is on top already.
        Assert.Equal(TransferState.Pending, (await rail.GetStatusAsync(prepared)).State);
        await chain.AdvanceBlocksAsync(30);
        Assert.Equal(TransferState.Pending, (await rail.GetStatusAsync(prepared)).State);
        await chain.AdvanceBlocksAsync(1);
        Assert.Equal(TransferState.Confirmed, (await rail.GetStatusAsync(prepared)).State);
    }

    [Fact]
    public async Task SameBytesBroadcastTwice_PayOnce()
    {
        Keypair payer = await chain.FundedKeypairAsync();
        PublicKey payee = NewWallet();
        SolanaPayoutRail rail = Rail(payer);
        PreparedTransfer prepared = await rail.PrepareAsync(Request(Line(payee, Asset.Sol, 3_000_000)));

        await rail.BroadcastAsync(prepared);
        TransferStatus again = await rail.BroadcastAsync(prepared);

        Assert.Equal(TransferState.Pending, again.State);
        Assert.Equal(3_000_000UL, await chain.Rpc.GetBalanceAsync(payee));
    }

    public enum CrashPoint
    {
        AfterPrepareBeforeStore,
        AfterStoreBeforeBroadcast,
        DuringBroadcast,
        AfterBroadcastBeforeStatus,
        BroadcastDropped,
        BroadcastDroppedUntilExpiry,
    }

    [Theory]
    [InlineData(CrashPoint.AfterPrepareBeforeStore)]
    [InlineData(CrashPoint.AfterStoreBeforeBroadcast)]
    [InlineData(CrashPoint.DuringBroadcast)]
    [InlineData(CrashPoint.AfterBroadcastBeforeStatus)]
    [InlineData(CrashPoint.BroadcastDropped)]
    [InlineData(CrashPoint.BroadcastDroppedUntilExpiry)]
    public async Task FaultAtEachStep_PaysExactlyOnce(CrashPoint crash)
    {
        Keypair payer = await PayerWithUsdcAsync(100_000_000);
        PublicKey[] payees = [NewWallet(), NewWallet()];
        TransferRequest request = Request(Line(payees[0], Usdc, 12_345_678), Line(payees[1], Usdc, 1));
        var outbox = new Outbox(Rail(payer), chain, request);

        switch (crash)
        {
            case CrashPoint.AfterPrepareBeforeStore:
                await Rail(payer).PrepareAsync(request);
                break;
            case CrashPoint.AfterStoreBeforeBroadcast:
                await outbox.PrepareAndStoreAsync();
                break;
            case CrashPoint.DuringBroadcast:
                PreparedTransfer stored = await outbox.PrepareAndStoreAsync();
                await chain.FailNextRequestsAsync(1, 502);
                await Assert.ThrowsAsync<SolanaRpcException>(async () => await Rail(payer).BroadcastAsync(stored));
                break;
            case CrashPoint.AfterBroadcastBeforeStatus:
                await Rail(payer).BroadcastAsync(await outbox.PrepareAndStoreAsync());
                break;
            case CrashPoint.BroadcastDropped:
                await chain.DropNextSendsAsync(1);
                await Rail(payer).BroadcastAsync(await outbox.PrepareAndStoreAsync());
                break;
            case CrashPoint.BroadcastDroppedUntilExpiry:
                await chain.DropNextSendsAsync(1);
                await Rail(payer).BroadcastAsync(await outbox.PrepareAndStoreAsync());
                await chain.AdvanceBlocksAsync(150 + 32 + 1);
                break;
        }

        // A restarted worker with a new rail instance and only what was stored.
        var restarted = new Outbox(Rail(payer), chain, request);
        restarted.Stored.AddRange(outbox.Stored);
        TransferStatus final = await restarted.ResumeAsync();

        Assert.Equal(TransferState.Confirmed, final.State);
        Assert.Equal(12_345_678UL, await UsdcOfAsync(payees[0]));
        Assert.Equal(1UL, await UsdcOfAsync(payees[1]));
        Assert.Equal(100_000_000UL - 12_345_679, await UsdcOfAsync(payer.PublicKey));
    }

    [Fact]
    public async Task DroppedTransfer_PastTheTipButNotFinalizedPastLastValid_IsUnknownNotExpired()
    {
        Keypair payer = await chain.FundedKeypairAsync();
        PublicKey payee = NewWallet();
        SolanaPayoutRail rail = Rail(payer);
        PreparedTransfer prepared = await rail.PrepareAsync(Request(Line(payee, Asset.Sol, 5_000_000)));
        await chain.DropNextSendsAsync(1);
        await rail.BroadcastAsync(prepared);

        await chain.AdvanceBlocksAsync(151);
        Assert.Equal(TransferState.Unknown, (await rail.GetStatusAsync(prepared)).State);
        await chain.AdvanceBlocksAsync(32);
        TransferStatus expired = await rail.GetStatusAsync(prepared);

        Assert.Equal(TransferState.Expired, expired.State);
        Assert.Contains("last valid height", expired.Detail, StringComparison.Ordinal);
        Assert.Equal(TransferState.Expired, (await rail.BroadcastAsync(prepared)).State);
        Assert.Equal(0UL, await chain.Rpc.GetBalanceAsync(payee));
    }

    [Fact]
    public async Task ExpiredFirstAttempt_SentAgainAfterTheSecondLanded_NeverPaysTwice()
    {
        Keypair payer = await chain.FundedKeypairAsync();
        PublicKey payee = NewWallet();
        var outbox = new Outbox(Rail(payer), chain, Request(Line(payee, Asset.Sol, 7_000_000)));
        await chain.DropNextSendsAsync(1);
        await Rail(payer).BroadcastAsync(await outbox.PrepareAndStoreAsync());
        await chain.AdvanceBlocksAsync(200);

        Assert.Equal(TransferState.Confirmed, (await outbox.ResumeAsync()).State);
        Assert.Equal(2, outbox.Stored.Count);
        Assert.Equal(TransferState.Expired, (await Rail(payer).BroadcastAsync(outbox.Stored[0])).State);
        Assert.Equal(7_000_000UL, await chain.Rpc.GetBalanceAsync(payee));
    }

    [Theory]
    [InlineData("not-base58-0OIl", "is not a Solana address")]
    [InlineData("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "is not a Solana address")]
    [InlineData("cFNwtr2mPhpUEB5AyJq38DqMKMkSdzaL9548hajN2DRTwh7Mq", "decodes to 36 bytes")]
    [InlineData("2KW2XRd9kwqet15Aha2oK3tYvd3nWbTFH1MBiRAv1BE", "decodes to 31 bytes")]
    public async Task BadPayeeAddress_IsRejectedNamingThePayout(string payee, string reason)
    {
        Keypair payer = await chain.FundedKeypairAsync();
        TransferLine bad = Line(payee, Asset.Sol, 1_000_000);
        var e = await Assert.ThrowsAsync<PayoutRejectedException>(async () => await Rail(payer).PrepareAsync(Request(Line(NewWallet().Key, Asset.Sol, 1_000_000), bad)));
        Assert.Equal(bad.PayoutId, e.PayoutId);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmountAboveU64_IsRejected()
    {
        Keypair payer = await chain.FundedKeypairAsync();
        var line = new TransferLine("po-big", NewWallet().Key, Asset.Sol, Amount.FromUnits((Int128)ulong.MaxValue + 1));
        var e = await Assert.ThrowsAsync<PayoutRejectedException>(async () => await Rail(payer).PrepareAsync(Request(line)));
        Assert.Equal("po-big", e.PayoutId);
    }

    [Fact]
    public async Task SolBelowRentToANewAccount_IsRejected_ButToAnExistingAccountIsPaid()
    {
        Keypair payer = await chain.FundedKeypairAsync();
        PublicKey existing = NewWallet();
        await chain.Rpc.RequestAirdropAsync(existing, 1_000_000);
        TransferLine small = Line(NewWallet(), Asset.Sol, 890_879);
        var e = await Assert.ThrowsAsync<PayoutRejectedException>(async () => await Rail(payer).PrepareAsync(Request(small)));
        Assert.Equal(small.PayoutId, e.PayoutId);
        Assert.Contains("rent-exempt minimum of 890880", e.Reason, StringComparison.Ordinal);

        var outbox = new Outbox(Rail(payer), chain, Request(Line(existing, Asset.Sol, 1)));
        Assert.Equal(TransferState.Confirmed, (await outbox.ResumeAsync()).State);
        Assert.Equal(1_000_001UL, await chain.Rpc.GetBalanceAsync(existing));
    }

    [Fact]
    public async Task TokenPayeeOffTheCurve_IsRejected()
    {
        Keypair payer = await PayerWithUsdcAsync(10_000_000);
        PublicKey tokenAccount = AssociatedTokenAccountProgram.Derive(NewWallet(), UsdcMint);
        TransferLine line = Line(tokenAccount.Key, Usdc, 1_000_000);
        var e = await Assert.ThrowsAsync<PayoutRejectedException>(async () => await Rail(payer).PrepareAsync(Request(line)));
        Assert.Contains("not a wallet key", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MintMissingOrWithOtherDecimals_IsRejected()
    {
        Keypair payer = await chain.FundedKeypairAsync();
        var missing = new Asset(Chains.Solana, "NOPE", 6, NewWallet().Key);
        var e = await Assert.ThrowsAsync<PayoutRejectedException>(async () => await Rail(payer).PrepareAsync(Request(Line(NewWallet().Key, missing, 1))));
        Assert.Contains("does not exist", e.Reason, StringComparison.Ordinal);

        await chain.CreateMintAsync(UsdcMint, 9);
        e = await Assert.ThrowsAsync<PayoutRejectedException>(async () => await Rail(payer).PrepareAsync(Request(Line(NewWallet().Key, Usdc, 1))));
        Assert.Contains("has 9 decimals", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnfundedPayer_IsATypedInsufficientFundsError_AndNothingMoves()
    {
        Keypair unfunded = Keypair.Generate();
        PublicKey payee = NewWallet();
        SolanaPayoutRail rail = Rail(unfunded);
        PreparedTransfer prepared = await rail.PrepareAsync(Request(Line(payee, Asset.Sol, 1_000_000)));

        var e = await Assert.ThrowsAsync<SolanaRpcException>(async () => await rail.BroadcastAsync(prepared));

        Assert.Equal(SolanaRpcErrorKind.InsufficientFunds, e.Kind);
        Assert.Equal(TransferState.Unknown, (await rail.GetStatusAsync(prepared)).State);
        Assert.Equal(0UL, await chain.Rpc.GetBalanceAsync(payee));
    }

    [Fact]
    public async Task PayerShortOfUsdc_IsInsufficientFunds_AndTopUpLetsTheSameBytesLand()
    {
        Keypair payer = await PayerWithUsdcAsync(999_999);
        PublicKey payee = NewWallet();
        SolanaPayoutRail rail = Rail(payer);
        PreparedTransfer prepared = await rail.PrepareAsync(Request(Line(payee, Usdc, 1_000_000)));

        var e = await Assert.ThrowsAsync<SolanaRpcException>(async () => await rail.BroadcastAsync(prepared));
        Assert.Equal(SolanaRpcErrorKind.InsufficientFunds, e.Kind);
        await chain.CreateTokenAccountAsync(payer.PublicKey, UsdcMint, 1_000_000);
        await rail.BroadcastAsync(prepared);

        Assert.Equal(TransferState.Confirmed, (await rail.GetStatusAsync(prepared)).State);
        Assert.Equal(1_000_000UL, await UsdcOfAsync(payee));
        Assert.Equal(0UL, await UsdcOfAsync(payer.PublicKey));
    }

    [Fact]
    public async Task FrozenSourceAccount_FailsForGood()
    {
        Keypair payer = await PayerWithUsdcAsync(10_000_000);
        PublicKey source = AssociatedTokenAccountProgram.Derive(payer.PublicKey, UsdcMint);
        byte[] frozen = (await chain.Rpc.GetAccountInfoAsync(source))!.Data;
        frozen[108] = 2;
        await chain.SetAccountAsync(source, TokenProgram.ProgramId, frozen);
        SolanaPayoutRail rail = Rail(payer);
        PreparedTransfer prepared = await rail.PrepareAsync(Request(Line(NewWallet(), Usdc, 1_000_000)));

        TransferStatus status = await rail.BroadcastAsync(prepared);

        Assert.Equal(TransferState.Failed, status.State);
        Assert.Contains("InstructionError", status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Pays_SolanaSolAndTokens_OnlyWithAPayer()
    {
        SolanaPayoutRail rail = Rail(Keypair.Generate());
        Assert.True(rail.Pays(Asset.Sol));
        Assert.True(rail.Pays(Usdc));
        Assert.False(rail.Pays(Asset.Eth));
        Assert.False(rail.Pays(Asset.UsdcEthereum));
        Assert.False(rail.Pays(new Asset(Chains.Solana, "SOL", 6)));
        Assert.False(rail.Pays(new Asset(Chains.Solana, "BAD", 6, "0xnotamint")));
        Assert.False(Rail(payer: null).Pays(Asset.Sol));
        Assert.Equal("solana", rail.Name);
        Assert.Equal(8, rail.Profile.MaxIntentsPerTransfer);
    }

    [Fact]
    public async Task NineLines_AreRefusedAsMoreThanOneTransactionHolds()
    {
        SolanaPayoutRail rail = Rail(Keypair.Generate());
        TransferLine[] lines = [.. Enumerable.Range(0, 9).Select(_ => Line(NewWallet().Key, Asset.Sol, 1_000_000))];
        await Assert.ThrowsAsync<ArgumentException>(async () => await rail.PrepareAsync(Request(lines)));
    }
}
