using System.Numerics;
using Affiliates.Payouts;
using Nethereum.ABI;
using Nethereum.Signer;
using Nethereum.Util;

namespace Affiliates.Evm.Tests;

[Collection(AnvilCollection.Name)]
public sealed class EvmPayoutRailTests(AnvilNode anvil)
{
    [Fact]
    public async Task Erc20Payout_PaysTheExactAmount_AndDeepensToTheConfirmationDepth()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil, tokens: 5_000_000);
        EvmPayoutRail rail = h.Rail();
        string payee = EthECKey.GenerateKey().GetPublicAddress();

        PreparedTransfer prepared = await rail.PrepareAsync(RailHarness.Request("p1", payee, h.Tusd, 1_234_567));
        TransferStatus sent = await rail.BroadcastAsync(prepared);
        TransferStatus first = await RailHarness.SettledAsync(rail, prepared);
        await anvil.MineAsync(1);
        TransferStatus second = await rail.GetStatusAsync(prepared);

        Assert.Equal("0x" + Convert.ToHexStringLower(Sha3Keccack.Current.CalculateHash(prepared.Payload.ToArray())), prepared.TransactionId);
        Assert.Equal(TransferStatus.Pending(prepared.TransactionId), sent);
        Assert.Equal(TransferStatus.Confirmed(1, prepared.TransactionId), first);
        Assert.Equal(TransferStatus.Confirmed(2, prepared.TransactionId), second);
        Assert.Equal(1_234_567, await h.TokensOfAsync(payee));
        Assert.Equal(5_000_000 - 1_234_567, await h.TokensOfAsync(h.HotWallet.GetPublicAddress()));
    }

    [Fact]
    public async Task NativePayout_PaysTheExactWei()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil);
        EvmPayoutRail rail = h.Rail();
        string payee = EthECKey.GenerateKey().GetPublicAddress();
        const long wei = 123_456_789_012_345_678;

        PreparedTransfer prepared = await rail.PrepareAsync(RailHarness.Request("p1", payee, RailHarness.Eth, wei));
        await rail.BroadcastAsync(prepared);

        Assert.Equal(TransferState.Confirmed, (await RailHarness.SettledAsync(rail, prepared)).State);
        Assert.Equal(wei, await anvil.BalanceAsync(payee));
    }

    [Fact]
    public async Task SendingTheStoredBytesAgain_AfterACrash_IsHarmless_AndPaysOnce()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil);
        string payee = EthECKey.GenerateKey().GetPublicAddress();
        PreparedTransfer stored = await h.Rail().PrepareAsync(RailHarness.Request("p1", payee, h.Tusd, 700));

        // A restarted host has a new rail and only the stored transfer: the chain does not know it yet.
        EvmPayoutRail restarted = h.Rail();
        TransferStatus before = await restarted.GetStatusAsync(stored);
        TransferStatus first = await restarted.BroadcastAsync(stored);
        await RailHarness.SettledAsync(restarted, stored);
        TransferStatus again = await restarted.BroadcastAsync(stored);

        Assert.Equal(TransferState.Unknown, before.State);
        Assert.Equal(TransferState.Pending, first.State);
        Assert.Equal(TransferState.Confirmed, again.State);
        Assert.Equal(stored.TransactionId, again.TransactionId);
        Assert.Equal(700, await h.TokensOfAsync(payee));
    }

    [Fact]
    public async Task WorkersPreparingAtOnce_GetDistinctNonces_AndEveryTransferLands()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil);
        EvmPayoutRail rail = h.Rail();
        string payee = EthECKey.GenerateKey().GetPublicAddress();

        PreparedTransfer[] prepared = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => rail.PrepareAsync(RailHarness.Request("p" + i, payee, h.Tusd, i * 1_000)).AsTask()));
        foreach (PreparedTransfer transfer in prepared)
        {
            await rail.BroadcastAsync(transfer);
        }

        Assert.Equal(8, prepared.Select(p => p.Reconciliation).Distinct().Count());
        foreach (PreparedTransfer transfer in prepared)
        {
            Assert.Equal(TransferState.Confirmed, (await RailHarness.SettledAsync(rail, transfer)).State);
        }

        Assert.Equal(36_000, await h.TokensOfAsync(payee));
    }

    [Fact]
    public async Task AStuckTransfer_ReplacedAtTheSameNonceWithHigherFees_PaysOnce_AndTheOriginalExpires()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil);
        EvmPayoutRail rail = h.Rail();
        string payee = EthECKey.GenerateKey().GetPublicAddress();
        TransferRequest request = RailHarness.Request("p1", payee, h.Tusd, 900);
        await anvil.RpcAsync("evm_setAutomine", false);
        try
        {
            PreparedTransfer stuck = await rail.PrepareAsync(request);
            await rail.BroadcastAsync(stuck);
            Assert.Equal(TransferState.Pending, (await rail.GetStatusAsync(stuck)).State);

            PreparedTransfer replacement = (await rail.ReplaceAsync(stuck, new TransferRequest(request.Key, 2, request.Lines)))!;
            TransferStatus replaced = await rail.BroadcastAsync(replacement);
            await anvil.MineAsync(1);

            var old = EvmTransaction.Decode(stuck.Payload);
            var @new = EvmTransaction.Decode(replacement.Payload);
            Assert.Equal(stuck.Reconciliation, replacement.Reconciliation);
            Assert.NotEqual(stuck.TransactionId, replacement.TransactionId);
            Assert.True(@new.MaxFeePerGas >= old.MaxFeePerGas * 115 / 100 && @new.MaxPriorityFeePerGas > old.MaxPriorityFeePerGas);
            Assert.Equal(TransferState.Pending, replaced.State);
            Assert.Equal(TransferState.Confirmed, (await rail.GetStatusAsync(replacement)).State);
            Assert.Equal(TransferState.Pending, (await rail.GetStatusAsync(stuck)).State);

            await anvil.MineAsync(1);

            Assert.Equal(TransferState.Expired, (await rail.GetStatusAsync(stuck)).State);
            Assert.Equal(TransferState.Expired, (await rail.BroadcastAsync(stuck)).State);
            Assert.Equal(900, await h.TokensOfAsync(payee));
        }
        finally
        {
            await anvil.RpcAsync("evm_setAutomine", true);
        }
    }

    [Fact]
    public async Task ATransferStuckBehindANonceNeverSent_IsNotReplaced_TheGapIsFilled_AndItPaysOnce()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil);
        EvmPayoutRail rail = h.Rail();
        string payee = EthECKey.GenerateKey().GetPublicAddress();
        string hot = h.HotWallet.GetPublicAddress();
        await rail.PrepareAsync(RailHarness.Request("never-stored", EthECKey.GenerateKey().GetPublicAddress(), h.Tusd, 1));
        TransferRequest request = RailHarness.Request("p1", payee, h.Tusd, 600);
        PreparedTransfer queued = await rail.PrepareAsync(request);
        await rail.BroadcastAsync(queued);
        Assert.Equal(TransferState.Pending, (await rail.GetStatusAsync(queued)).State);

        PreparedTransfer? replacement = await rail.ReplaceAsync(queued, new TransferRequest(request.Key, 2, request.Lines));

        Assert.Null(replacement);
        Assert.Equal(TransferState.Confirmed, (await RailHarness.SettledAsync(rail, queued)).State);
        Assert.Equal(600, await h.TokensOfAsync(payee));
        Assert.Equal(2, (await anvil.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(hot)).Value);
    }

    [Fact]
    public async Task ADroppedTransfer_IsUnknown_AndTheSameBytesSentAgainLand()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil);
        EvmPayoutRail rail = h.Rail();
        string payee = EthECKey.GenerateKey().GetPublicAddress();
        await anvil.RpcAsync("evm_setAutomine", false);
        try
        {
            PreparedTransfer prepared = await rail.PrepareAsync(RailHarness.Request("p1", payee, h.Tusd, 50));
            await rail.BroadcastAsync(prepared);
            await anvil.RpcAsync("anvil_dropTransaction", prepared.TransactionId!);

            Assert.Equal(TransferState.Unknown, (await rail.GetStatusAsync(prepared)).State);

            await rail.BroadcastAsync(prepared);
            await anvil.MineAsync(1);

            Assert.Equal(TransferState.Confirmed, (await rail.GetStatusAsync(prepared)).State);
            Assert.Equal(50, await h.TokensOfAsync(payee));
        }
        finally
        {
            await anvil.RpcAsync("evm_setAutomine", true);
        }
    }

    [Fact]
    public async Task ATransferThatRevertsOnChain_FailsAtTheConfirmationDepth_AndMovesNothing()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil, tokens: 10_000);
        EvmPayoutRail rail = h.Rail();
        string payee = EthECKey.GenerateKey().GetPublicAddress();
        PreparedTransfer prepared = await rail.PrepareAsync(RailHarness.Request("p1", payee, h.Tusd, 4_000));
        await h.OwnerCallAsync("setBlocked(address,bool)", new ABIValue("address", payee), new ABIValue("bool", true));

        await rail.BroadcastAsync(prepared);
        await RailHarness.MinedAsync(anvil, prepared);
        TransferStatus shallow = await rail.GetStatusAsync(prepared);
        await anvil.MineAsync(1);
        TransferStatus deep = await rail.GetStatusAsync(prepared);

        Assert.Equal(TransferState.Pending, shallow.State);
        Assert.Equal(TransferState.Failed, deep.State);
        Assert.Contains("reverted", deep.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await h.TokensOfAsync(payee));
        Assert.Equal(10_000, await h.TokensOfAsync(h.HotWallet.GetPublicAddress()));
    }

    [Fact]
    public async Task ATransferTheTokenWouldRefuse_IsRejectedBeforeSigning()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil);
        string payee = EthECKey.GenerateKey().GetPublicAddress();
        await h.OwnerCallAsync("setBlocked(address,bool)", new ABIValue("address", payee), new ABIValue("bool", true));

        PayoutRejectedException error = await Assert.ThrowsAsync<PayoutRejectedException>(async () => await h.Rail().PrepareAsync(RailHarness.Request("p1", payee, h.Tusd, 1)));

        Assert.Equal("p1", error.PayoutId);
        Assert.Contains("revert", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherProcessUsingTheNonceFirst_ExpiresTheTransfer_AndANewAttemptPaysOnce()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil);
        string payee = EthECKey.GenerateKey().GetPublicAddress();
        EvmPayoutRail mine = h.Rail();
        EvmPayoutRail otherProcess = h.Rail();
        TransferRequest request = RailHarness.Request("p1", payee, h.Tusd, 300);
        PreparedTransfer lost = await mine.PrepareAsync(request);
        PreparedTransfer winner = await otherProcess.PrepareAsync(RailHarness.Request("p2", EthECKey.GenerateKey().GetPublicAddress(), h.Tusd, 1));
        Assert.Equal(lost.Reconciliation, winner.Reconciliation);
        await otherProcess.BroadcastAsync(winner);
        await RailHarness.SettledAsync(otherProcess, winner);

        TransferStatus refused = await mine.BroadcastAsync(lost);
        await anvil.MineAsync(1);
        TransferStatus expired = await mine.GetStatusAsync(lost);
        PreparedTransfer retry = await mine.PrepareAsync(new TransferRequest(request.Key, 2, request.Lines));
        await mine.BroadcastAsync(retry);

        Assert.Equal(TransferState.Pending, refused.State);
        Assert.Equal(TransferState.Expired, expired.State);
        Assert.Equal(TransferState.Confirmed, (await RailHarness.SettledAsync(mine, retry)).State);
        Assert.Equal(300, await h.TokensOfAsync(payee));
    }

    [Fact]
    public async Task AWrongChainId_IsATypedProblem_AndSendsNothing()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil);
        PreparedTransfer prepared = await h.Rail().PrepareAsync(RailHarness.Request("p1", TestKeys.Address1, h.Tusd, 1));
        EvmPayoutRail wrong = h.Rail(o => o.ChainId = 1);

        EvmPayoutException onPrepare = await Assert.ThrowsAsync<EvmPayoutException>(async () => await wrong.PrepareAsync(RailHarness.Request("p1", TestKeys.Address1, h.Tusd, 1)));
        EvmPayoutException onBroadcast = await Assert.ThrowsAsync<EvmPayoutException>(async () => await wrong.BroadcastAsync(prepared));

        Assert.Equal(EvmPayoutProblem.ChainIdMismatch, onPrepare.Problem);
        Assert.Equal(EvmPayoutProblem.ChainIdMismatch, onBroadcast.Problem);
        Assert.Contains("31337", onPrepare.Message, StringComparison.Ordinal);
        Assert.Equal(BigInteger.Zero, await anvil.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(h.HotWallet.GetPublicAddress()));
    }

    [Fact]
    public async Task AnUnfundedHotWallet_IsATypedProblem_AndFundingItLetsTheSameTransferLand()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil, hotWalletWei: BigInteger.Zero, tokens: 100);
        EvmPayoutRail rail = h.Rail();
        string payee = EthECKey.GenerateKey().GetPublicAddress();

        EvmPayoutException noGas = await Assert.ThrowsAsync<EvmPayoutException>(async () => await rail.PrepareAsync(RailHarness.Request("p1", payee, h.Tusd, 100)));
        EvmPayoutException noTokens = await Assert.ThrowsAsync<EvmPayoutException>(async () => await rail.PrepareAsync(RailHarness.Request("p1", payee, h.Tusd, 101)));
        EvmPayoutException noEth = await Assert.ThrowsAsync<EvmPayoutException>(async () => await rail.PrepareAsync(RailHarness.Request("p2", payee, RailHarness.Eth, 1)));

        await anvil.RpcAsync("anvil_setBalance", h.HotWallet.GetPublicAddress(), "0xde0b6b3a7640000");
        PreparedTransfer prepared = await rail.PrepareAsync(RailHarness.Request("p1", payee, h.Tusd, 100));
        await anvil.RpcAsync("anvil_setBalance", h.HotWallet.GetPublicAddress(), "0x1");
        EvmPayoutException drained = await Assert.ThrowsAsync<EvmPayoutException>(async () => await rail.BroadcastAsync(prepared));
        await anvil.RpcAsync("anvil_setBalance", h.HotWallet.GetPublicAddress(), "0xde0b6b3a7640000");
        await rail.BroadcastAsync(prepared);

        Assert.All([noGas, noTokens, noEth, drained], e => Assert.Equal(EvmPayoutProblem.InsufficientFunds, e.Problem));
        Assert.Equal(TransferState.Confirmed, (await RailHarness.SettledAsync(rail, prepared)).State);
        Assert.Equal(100, await h.TokensOfAsync(payee));
    }

    [Fact]
    public async Task FeesAboveTheCap_AreATypedProblem()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil);

        EvmPayoutException error = await Assert.ThrowsAsync<EvmPayoutException>(async () => await h.Rail(o => o.MaxFeePerGas = 1).PrepareAsync(RailHarness.Request("p1", TestKeys.Address1, h.Tusd, 1)));

        Assert.Equal(EvmPayoutProblem.FeeCapExceeded, error.Problem);
    }

    [Fact]
    public async Task FeesStayUnderTheCap()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil);
        BigInteger cap = (await anvil.Web3.Eth.FeeHistory.SendRequestAsync(new Nethereum.Hex.HexTypes.HexBigInteger(1), Nethereum.RPC.Eth.DTOs.BlockParameter.CreateLatest(), [50m])).BaseFeePerGas[^1].Value + 1;

        PreparedTransfer prepared = await h.Rail(o => o.MaxFeePerGas = cap).PrepareAsync(RailHarness.Request("p1", TestKeys.Address1, h.Tusd, 1));

        Nethereum.Model.Transaction1559 transaction = EvmTransaction.Decode(prepared.Payload);
        Assert.True(transaction.MaxFeePerGas <= cap);
        Assert.True(transaction.MaxPriorityFeePerGas <= 1);
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("0x0000000000000000000000000000000000000000")]
    [InlineData("cFLtVPsVyPr9ZA8e3AsmBjRXM8eKvH6p9GFzPxSyvdqTT4dGv")]
    public async Task APayeeThatIsNotAnEvmAccount_IsRejected(string payee)
    {
        RailHarness h = await RailHarness.CreateAsync(anvil);

        PayoutRejectedException error = await Assert.ThrowsAsync<PayoutRejectedException>(async () => await h.Rail().PrepareAsync(RailHarness.Request("p1", payee, h.Tusd, 1)));

        Assert.Equal("p1", error.PayoutId);
    }

    [Fact]
    public async Task AnAssetTheRailDoesNotPay_IsRejected_AndPaysSaysSo()
    {
        RailHarness h = await RailHarness.CreateAsync(anvil);
        EvmPayoutRail rail = h.Rail();
        var unlisted = new Asset(RailHarness.Chain, "X", 6, TestKeys.Address2);

        Assert.True(rail.Pays(h.Tusd));
        Assert.True(rail.Pays(RailHarness.Eth));
        Assert.False(rail.Pays(unlisted));
        Assert.False(rail.Pays(Asset.UsdcEthereum));
        Assert.False(rail.Pays(Asset.Sol));
        Assert.False(h.Rail(o => o.Signer = null).Pays(h.Tusd));
        await Assert.ThrowsAsync<PayoutRejectedException>(async () => await rail.PrepareAsync(RailHarness.Request("p1", TestKeys.Address1, unlisted, 1)));
    }
}
