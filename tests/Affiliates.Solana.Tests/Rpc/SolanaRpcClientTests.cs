using System.Net;
using System.Net.Sockets;
using Affiliates.Solana.Keys;
using Affiliates.Solana.Programs;
using Affiliates.Solana.Rpc;
using Affiliates.Solana.Tests.LocalValidator;
using Affiliates.Solana.Transactions;

namespace Affiliates.Solana.Tests.Rpc;

[Collection(SolanaRpcCollection.Name)]
public sealed class SolanaRpcClientTests(SolanaRpcServer server) : IDisposable
{
    private readonly LocalChain chain = server.NewChain();

    private SolanaRpcClient Rpc => chain.Rpc;

    public void Dispose() => chain.Dispose();

    private async Task<Transaction> TransferAsync(Keypair from, PublicKey to, ulong lamports, string? blockhash = null, string? memo = null)
    {
        blockhash ??= (await Rpc.GetLatestBlockhashAsync()).Blockhash;
        List<TransactionInstruction> instructions = [SystemProgram.Transfer(from.PublicKey, to, lamports)];
        if (memo is not null)
        {
            instructions.Add(MemoProgram.NewMemo(memo, from.PublicKey));
        }

        return Transaction.Sign(LegacyMessage.Compile(from.PublicKey, blockhash, instructions), [from]);
    }

    [Fact]
    public async Task Airdrop_ThenGetBalanceAndAccountInfo_AreExact()
    {
        Keypair wallet = await chain.FundedKeypairAsync(1_234_567_891);
        Assert.Equal(1_234_567_891UL, await Rpc.GetBalanceAsync(wallet.PublicKey));
        AccountInfo? info = await Rpc.GetAccountInfoAsync(wallet.PublicKey);
        Assert.NotNull(info);
        Assert.Equal(1_234_567_891UL, info.Lamports);
        Assert.Equal(SystemProgram.ProgramId, info.Owner);
        Assert.Empty(info.Data);
        Assert.Equal(ulong.MaxValue, info.RentEpoch);
    }

    [Fact]
    public async Task UnknownAccount_HasNoInfoAndZeroBalance()
    {
        PublicKey nobody = Keypair.Generate().PublicKey;
        Assert.Null(await Rpc.GetAccountInfoAsync(nobody));
        Assert.Equal(0UL, await Rpc.GetBalanceAsync(nobody));
    }

    [Fact]
    public async Task TokenAccountBalance_AboveTwoToThe53_IsExact()
    {
        PublicKey mint = Keypair.Generate().PublicKey;
        await chain.CreateMintAsync(mint, 6);
        PublicKey account = await chain.CreateTokenAccountAsync(Keypair.Generate().PublicKey, mint, 18_446_744_073_709_551_615);
        Assert.Equal(new TokenAmount(18_446_744_073_709_551_615, 6), await Rpc.GetTokenAccountBalanceAsync(account));
    }

    [Fact]
    public async Task Transfer_Lands_WithExactBalances_AndReadsBackEveryWay()
    {
        Keypair payer = await chain.FundedKeypairAsync(2_000_000_000);
        PublicKey payee = Keypair.Generate().PublicKey;
        Transaction transaction = await TransferAsync(payer, payee, 123_456_789, memo: "po-1");

        string signature = await Rpc.SendTransactionAsync(transaction.Serialize());

        Assert.Equal(transaction.Id, signature);
        Assert.Equal(123_456_789UL, await Rpc.GetBalanceAsync(payee));
        SignatureStatus? status = Assert.Single(await Rpc.GetSignatureStatusesAsync([signature]));
        Assert.NotNull(status);
        Assert.Null(status.Error);
        Assert.True(status.Reached(SolanaCommitment.Confirmed));
        Assert.False(status.Reached(SolanaCommitment.Finalized));

        ConfirmedTransaction? landed = await Rpc.GetTransactionAsync(signature);
        Assert.NotNull(landed);
        Assert.Null(landed.Error);
        Assert.Equal(status.Slot, landed.Slot);
        Assert.Equal(transaction.Serialize(), landed.Transaction.Serialize());
        Assert.Equal(5_000UL, landed.Fee);
        Assert.Equal(2_000_000_000UL - 123_456_789 - 5_000, landed.PostBalances[0]);
        Assert.Equal(2_000_000_000UL - 123_456_789 - 5_000, await Rpc.GetBalanceAsync(payer.PublicKey));

        SignatureInfo listed = Assert.Single(await Rpc.GetSignaturesForAddressAsync(payee));
        Assert.Equal(signature, listed.Signature);
        Assert.Equal("[4] po-1", listed.Memo);

        await chain.AdvanceBlocksAsync(32);
        Assert.True(Assert.Single(await Rpc.GetSignatureStatusesAsync([signature]))!.Reached(SolanaCommitment.Finalized));
    }

    [Fact]
    public async Task UnknownSignature_HasNoStatusAndNoTransaction()
    {
        string unknown = Base58Text.Encode(new byte[64]);
        Assert.Null(Assert.Single(await Rpc.GetSignatureStatusesAsync([unknown])));
        Assert.Null(await Rpc.GetTransactionAsync(unknown));
    }

    [Fact]
    public async Task SameBytesTwice_IsAlreadyProcessed_AndPaysOnce()
    {
        Keypair payer = await chain.FundedKeypairAsync();
        PublicKey payee = Keypair.Generate().PublicKey;
        byte[] bytes = (await TransferAsync(payer, payee, 1_000_000)).Serialize();
        await Rpc.SendTransactionAsync(bytes);

        var e = await Assert.ThrowsAsync<SolanaRpcException>(() => Rpc.SendTransactionAsync(bytes));

        Assert.Equal(SolanaRpcErrorKind.AlreadyProcessed, e.Kind);
        Assert.Equal(-32002, e.Code);
        Assert.Equal(1_000_000UL, await Rpc.GetBalanceAsync(payee));
    }

    [Fact]
    public async Task ExpiredBlockhash_IsBlockhashNotFound_ExactlyAfterLastValidBlockHeight()
    {
        Keypair payer = await chain.FundedKeypairAsync();
        LatestBlockhash latest = await Rpc.GetLatestBlockhashAsync();
        ulong height = await Rpc.GetBlockHeightAsync();
        Assert.Equal(height + 150, latest.LastValidBlockHeight);
        Transaction stillValid = await TransferAsync(payer, Keypair.Generate().PublicKey, 1_000_000, latest.Blockhash);
        Transaction tooLate = await TransferAsync(payer, Keypair.Generate().PublicKey, 2_000_000, latest.Blockhash);

        await chain.AdvanceBlocksAsync((int)(latest.LastValidBlockHeight - height));
        await Rpc.SendTransactionAsync(stillValid.Serialize());
        Assert.Equal(latest.LastValidBlockHeight + 1, await Rpc.GetBlockHeightAsync());
        var e = await Assert.ThrowsAsync<SolanaRpcException>(() => Rpc.SendTransactionAsync(tooLate.Serialize()));

        Assert.Equal(SolanaRpcErrorKind.BlockhashNotFound, e.Kind);
        Assert.Equal("\"BlockhashNotFound\"", e.TransactionError);
        Assert.Contains("Blockhash not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnfundedPayer_IsInsufficientFunds()
    {
        Keypair unfunded = Keypair.Generate();
        var e = await Assert.ThrowsAsync<SolanaRpcException>(async () => await Rpc.SendTransactionAsync((await TransferAsync(unfunded, Keypair.Generate().PublicKey, 1)).Serialize()));
        Assert.Equal(SolanaRpcErrorKind.InsufficientFunds, e.Kind);
    }

    [Fact]
    public async Task TransferAboveTheBalance_IsInsufficientFunds_WithTheInstructionError()
    {
        Keypair payer = await chain.FundedKeypairAsync(1_000_000);
        var e = await Assert.ThrowsAsync<SolanaRpcException>(async () => await Rpc.SendTransactionAsync((await TransferAsync(payer, Keypair.Generate().PublicKey, 10_000_000)).Serialize()));
        Assert.Equal(SolanaRpcErrorKind.InsufficientFunds, e.Kind);
        Assert.Equal("{\"InstructionError\":[0,{\"Custom\":1}]}", e.TransactionError);
        Assert.NotEmpty(e.Logs);
        Assert.Equal(1_000_000UL, await Rpc.GetBalanceAsync(payer.PublicKey));
    }

    [Fact]
    public async Task TransferBelowRentToANewAccount_IsInsufficientFundsForRent()
    {
        Keypair payer = await chain.FundedKeypairAsync();
        var e = await Assert.ThrowsAsync<SolanaRpcException>(async () => await Rpc.SendTransactionAsync((await TransferAsync(payer, Keypair.Generate().PublicKey, 890_879)).Serialize()));
        Assert.Equal(SolanaRpcErrorKind.InsufficientFundsForRent, e.Kind);
        Assert.Equal(890_880UL, await Rpc.GetMinimumBalanceForRentExemptionAsync(0));
    }

    [Fact]
    public async Task Simulate_ReportsTheErrorWithoutLanding()
    {
        Keypair payer = await chain.FundedKeypairAsync(10_000_000);
        PublicKey payee = Keypair.Generate().PublicKey;
        SimulationResult failing = await Rpc.SimulateTransactionAsync((await TransferAsync(payer, payee, 20_000_000)).Serialize());
        SimulationResult passing = await Rpc.SimulateTransactionAsync((await TransferAsync(payer, payee, 900_000)).Serialize());
        Assert.Equal("{\"InstructionError\":[0,{\"Custom\":1}]}", failing.Error);
        Assert.Null(passing.Error);
        Assert.NotEmpty(passing.Logs);
        Assert.Equal(0UL, await Rpc.GetBalanceAsync(payee));
    }

    [Fact]
    public async Task BadSignatureBytes_AreRefused()
    {
        Keypair payer = await chain.FundedKeypairAsync();
        byte[] bytes = (await TransferAsync(payer, Keypair.Generate().PublicKey, 1_000_000)).Serialize();
        bytes[5] ^= 0xFF;
        var e = await Assert.ThrowsAsync<SolanaRpcException>(() => Rpc.SendTransactionAsync(bytes));
        Assert.Equal(SolanaRpcErrorKind.SignatureVerification, e.Kind);
    }

    [Fact]
    public async Task InvalidParams_AreInvalidRequest()
    {
        var e = await Assert.ThrowsAsync<SolanaRpcException>(() => Rpc.SendTransactionAsync([1, 2, 3]));
        Assert.Equal(SolanaRpcErrorKind.InvalidRequest, e.Kind);
        Assert.Equal(-32602, e.Code);
    }

    [Fact]
    public async Task Reads_AreRetriedThroughTransientHttpFailures()
    {
        Keypair wallet = await chain.FundedKeypairAsync(1_000_042);
        await chain.FailNextRequestsAsync(2, 503);
        Assert.Equal(1_000_042UL, await Rpc.GetBalanceAsync(wallet.PublicKey));
        await chain.FailNextRequestsAsync(4, 429);
        var e = await Assert.ThrowsAsync<SolanaRpcException>(() => Rpc.GetBalanceAsync(wallet.PublicKey));
        Assert.Equal(SolanaRpcErrorKind.RateLimited, e.Kind);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task Sends_AreNeverRetriedHere()
    {
        Keypair payer = await chain.FundedKeypairAsync();
        PublicKey payee = Keypair.Generate().PublicKey;
        Transaction transaction = await TransferAsync(payer, payee, 7_000_000);
        await chain.FailNextRequestsAsync(1, 503);

        var e = await Assert.ThrowsAsync<SolanaRpcException>(() => Rpc.SendTransactionAsync(transaction.Serialize()));

        Assert.Equal(SolanaRpcErrorKind.Transport, e.Kind);
        Assert.Null(Assert.Single(await Rpc.GetSignatureStatusesAsync([transaction.Id])));
        Assert.Equal(transaction.Id, await Rpc.SendTransactionAsync(transaction.Serialize()));
        Assert.Equal(7_000_000UL, await Rpc.GetBalanceAsync(payee));
    }

    [Fact]
    public async Task UnreachableEndpoint_IsTransport()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var http = new HttpClient();
        var rpc = new SolanaRpcClient(() => http, new Uri($"http://127.0.0.1:{port}/"), readRetries: 1, firstBackoff: TimeSpan.FromMilliseconds(1));
        var e = await Assert.ThrowsAsync<SolanaRpcException>(() => rpc.GetBlockHeightAsync());
        Assert.Equal(SolanaRpcErrorKind.Transport, e.Kind);
    }
}
