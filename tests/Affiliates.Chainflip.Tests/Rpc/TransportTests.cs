using Affiliates.Chainflip.Accounts;
using Affiliates.Chainflip.Rpc;

namespace Affiliates.Chainflip.Tests.Rpc;

public sealed class TransportTests : NodeTest
{
    [Theory]
    [InlineData(-32602, "Invalid params", "\"invalid length 39, expected a hex string with length of 40\"", ChainflipError.InvalidParams)]
    [InlineData(-32601, "Method not found", "null", ChainflipError.MethodNotFound)]
    [InlineData(-32024, "KnownModuleError { pallet: \\\"Swapping\\\", name: \\\"BrokerCommissionBpsTooHigh\\\", error: \\\"Broker commission bps is limited to 1000 points.\\\" }", "null", ChainflipError.BrokerCommissionTooHigh)]
    [InlineData(-32021, "DispatchError: AffiliateNotRegisteredForBroker", "null", ChainflipError.AffiliateNotRegisteredForBroker)]
    [InlineData(-32020, "The transaction failed: Module error ‘AffiliateShortIdOutOfBounds‘ from pallet ‘Swapping‘: ‘‘", "null", ChainflipError.AffiliateShortIdOutOfBounds)]
    [InlineData(-32024, "KnownModuleError { pallet: \\\"EthereumIngressEgress\\\", name: \\\"BelowEgressDustLimit\\\", error: \\\"\\\" }", "null", ChainflipError.BelowEgressDustLimit)]
    [InlineData(-32024, "KnownModuleError { pallet: \\\"AssetBalances\\\", name: \\\"DestinationNotAllowed\\\", error: \\\"\\\" }", "null", ChainflipError.DestinationNotAllowed)]
    [InlineData(-32024, "KnownModuleError { pallet: \\\"Swapping\\\", name: \\\"SomethingNew\\\", error: \\\"\\\" }", "null", ChainflipError.ChainError)]
    [InlineData(-32021, "DispatchError: Broker commission is too low", "null", ChainflipError.BrokerCommissionTooLow)]
    [InlineData(-32603, "Internal error while processing request.", "null", ChainflipError.ServerError)]
    [InlineData(-32024, "BadOrigin", "null", ChainflipError.NotABroker)]
    public async Task EveryDocumentedErrorObject_IsMappedByName(int code, string message, string data, ChainflipError expected)
    {
        Node.SendRawNext("broker_register_affiliate", $$$"""{"jsonrpc":"2.0","id":{id},"error":{"code":{{{code}}},"message":"{{{message}}}","data":{{{data}}}}}""");

        ChainflipRpcException error = await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.RegisterAffiliateAsync(Alice));

        Assert.Equal((expected, code), (error.Error, error.Code));
        Assert.False(error.MayHaveExecuted);
        if (code == -32602)
        {
            Assert.Contains("invalid length 39", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownErrorName_IsKeptForTheCaller()
    {
        Node.SendRawNext("broker_register_affiliate", """{"jsonrpc":"2.0","id":{id},"error":{"code":-32024,"message":"KnownModuleError { pallet: \"Swapping\", name: \"SomethingNew\", error: \"\" }"}}""");

        ChainflipRpcException error = await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.RegisterAffiliateAsync(Alice));

        Assert.Equal((ChainflipError.ChainError, "SomethingNew"), (error.Error, error.ErrorName));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[[\"cFNGCP7MUJCbRyktHizaYnEekiTAPp1Sgopsbt99FNWc6Q1LU\"]]")]
    [InlineData("[[\"cFNGCP7MUJCbRyktHizaYnEekiTAPp1Sgopsbt99FNWc6Q1LV\",{\"short_id\":0,\"withdrawal_address\":\"0xa646ff46ce321cf4259caa01bcc71b54a333532c\"}]]")]
    [InlineData("[[\"cFNGCP7MUJCbRyktHizaYnEekiTAPp1Sgopsbt99FNWc6Q1LU\",{\"short_id\":256,\"withdrawal_address\":\"0xa646ff46ce321cf4259caa01bcc71b54a333532c\"}]]")]
    [InlineData("[[\"cFNGCP7MUJCbRyktHizaYnEekiTAPp1Sgopsbt99FNWc6Q1LU\",{\"short_id\":0,\"withdrawal_address\":\"0xa646\"}]]")]
    [InlineData("[[\"cFNGCP7MUJCbRyktHizaYnEekiTAPp1Sgopsbt99FNWc6Q1LU\",{\"withdrawal_address\":\"0xa646ff46ce321cf4259caa01bcc71b54a333532c\"}]]")]
    [InlineData("null")]
    public async Task UnexpectedResultShapes_AreMalformedResponses(string result)
    {
        Node.AnswerNext("cf_get_affiliates", result);

        ChainflipRpcException error = await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.GetBrokerAffiliatesAsync(Node.Broker));

        Assert.Equal(ChainflipError.MalformedResponse, error.Error);
        Assert.Equal("cf_get_affiliates", error.Method);
    }

    [Theory]
    [InlineData("\"1000\"", "not 0x-prefixed hex")]
    [InlineData("\"0x\"", "not 0x-prefixed hex")]
    [InlineData("\"0xZZ\"", "not 0x-prefixed hex")]
    [InlineData("-5", "fits 64 bits")]
    [InlineData("1.5", "fits 64 bits")]
    [InlineData("\"0x80000000000000000000000000000000\"", "larger than an amount can hold")]
    [InlineData("true", "a number or a hex string")]
    public async Task AmountsThatAreNotExact_AreRefusedNotGuessed(string usdc, string why)
    {
        Node.AnswerNext("cf_free_balances", $$$"""{"Ethereum":{"USDC":{{{usdc}}}}}""");

        ChainflipRpcException error = await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.GetUsdcBalanceAsync(Node.Broker));

        Assert.Equal(ChainflipError.MalformedResponse, error.Error);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Contains("Ethereum.USDC", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7", "7")]
    [InlineData("\"0x7\"", "7")]
    [InlineData("\"0x0\"", "0")]
    [InlineData("\"0x00ff\"", "255")]
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("\"0x7fffffffffffffffffffffffffffffff\"", "170141183460469231731687303715884105727")]
    public async Task AmountsAsNumberOrHex_AreBothRead(string usdc, string expected)
    {
        Node.AnswerNext("cf_free_balances", $$$"""{"Ethereum":{"USDC":{{{usdc}}}}}""");

        Amount amount = await Client.GetUsdcBalanceAsync(Node.Broker);

        Assert.Equal(Int128.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount.Units);
    }

    [Fact]
    public async Task BalancesWithoutEthereumUsdc_AreMalformed_NotZero()
    {
        Node.AnswerNext("cf_free_balances", """{"Ethereum":{"ETH":"0x0"}}""");

        Assert.Equal(ChainflipError.MalformedResponse, (await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.GetUsdcBalanceAsync(Node.Broker))).Error);
    }

    [Fact]
    public async Task ADroppedRead_IsRetriedOnANewConnection()
    {
        Node.RegisterOnChain(Alice);
        Node.DropNext("cf_get_affiliates");

        IReadOnlyList<RegisteredAffiliate> affiliates = await Client.GetBrokerAffiliatesAsync(Node.Broker);

        Assert.Single(affiliates);
        Assert.Equal(2, Node.Connections);
        Assert.Equal(2, Node.Count("cf_get_affiliates"));
    }

    [Fact]
    public async Task ADroppedRead_FailsOnceTheRetriesAreSpent()
    {
        ChainflipBrokerClient client = NewClient(o => o.ReadRetries = 1);
        Node.DropNext("cf_get_affiliates", times: 2);

        ChainflipRpcException error = await Assert.ThrowsAsync<ChainflipRpcException>(() => client.GetBrokerAffiliatesAsync(Node.Broker));

        Assert.Equal(ChainflipError.ConnectionLost, error.Error);
        Assert.False(error.MayHaveExecuted);
        Assert.Empty(await client.GetBrokerAffiliatesAsync(Node.Broker));
        Assert.Equal(3, Node.Connections);
    }

    [Fact]
    public async Task ADroppedWrite_IsNotRetried_AndSaysItMayHaveExecuted()
    {
        ChainflipAccountId affiliate = await Client.RegisterAffiliateAsync(Alice);
        Node.Credit(affiliate, 1_000_000);
        Node.DropNext("broker_affiliate_withdrawal_request");

        ChainflipRpcException error = await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.RequestAffiliateWithdrawalAsync(affiliate));

        Assert.Equal((ChainflipError.ConnectionLost, true), (error.Error, error.MayHaveExecuted));
        Assert.Equal(1, Node.Count("broker_affiliate_withdrawal_request"));

        // It did execute: the balance tells, and the client reconnects to read it.
        Assert.Equal(Amount.Zero, await Client.GetUsdcBalanceAsync(affiliate));
    }

    [Fact]
    public async Task AnUnparsableFrame_ClosesTheConnection_AndTheNextCallReconnects()
    {
        Node.SendRawNext("broker_register_affiliate", "{not json");

        ChainflipRpcException error = await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.RegisterAffiliateAsync(Alice));

        Assert.Equal((ChainflipError.ConnectionLost, true), (error.Error, error.MayHaveExecuted));
        Assert.Empty(await Client.GetBrokerAffiliatesAsync(Node.Broker));
        Assert.Equal(2, Node.Connections);
    }

    [Fact]
    public async Task AnAnswerToNoRequest_IsAProtocolViolation()
    {
        Node.SendRawNext("broker_register_affiliate", """{"jsonrpc":"2.0","id":987654,"result":"cFNGCP7MUJCbRyktHizaYnEekiTAPp1Sgopsbt99FNWc6Q1LU"}""");

        ChainflipRpcException error = await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.RegisterAffiliateAsync(Alice));

        Assert.Equal(ChainflipError.ConnectionLost, error.Error);
    }

    [Fact]
    public async Task ASlowRead_TimesOut_AndTheConnectionStaysUsable()
    {
        ChainflipBrokerClient client = NewClient(o => o.ReadTimeout = TimeSpan.FromMilliseconds(300));
        Node.Delay("cf_free_balances", TimeSpan.FromSeconds(5));

        ChainflipRpcException error = await Assert.ThrowsAsync<ChainflipRpcException>(() => client.GetFreeBalancesAsync(Node.Broker));

        Assert.Equal((ChainflipError.Timeout, false), (error.Error, error.MayHaveExecuted));
        Assert.Empty(await client.GetBrokerAffiliatesAsync(Node.Broker));
        Assert.Equal(1, Node.Connections);
    }

    [Fact]
    public async Task AWriteSlowerThanAReadTimeout_StillSucceeds_ButNotPastItsOwnTimeout()
    {
        ChainflipBrokerClient client = NewClient(o =>
        {
            o.ReadTimeout = TimeSpan.FromMilliseconds(200);
            o.WriteTimeout = TimeSpan.FromSeconds(5);
        });
        Node.Delay("broker_register_affiliate", TimeSpan.FromMilliseconds(600));

        await client.RegisterAffiliateAsync(Alice);

        Node.Delay("broker_register_affiliate", TimeSpan.FromSeconds(10));
        ChainflipRpcException error = await Assert.ThrowsAsync<ChainflipRpcException>(() => client.RegisterAffiliateAsync(Alice));
        Assert.Equal((ChainflipError.Timeout, true), (error.Error, error.MayHaveExecuted));
    }

    [Fact]
    public async Task Cancellation_AbandonsTheCallAtOnce()
    {
        Node.Delay("cf_free_balances", TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.GetFreeBalancesAsync(Node.Broker, cancel.Token));

        Assert.DoesNotContain(Node.Requests, r => r.Method.StartsWith('$'));
    }

    [Fact]
    public async Task ConcurrentCalls_ShareOneConnection()
    {
        for (int i = 0; i < 3; i++)
        {
            Node.RegisterOnChain(Bob);
        }

        IReadOnlyList<RegisteredAffiliate>[] answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Client.GetBrokerAffiliatesAsync(Node.Broker)));

        Assert.All(answers, a => Assert.Equal(3, a.Count));
        Assert.Equal(1, Node.Connections);
    }

    [Fact]
    public async Task NoNodeListening_IsConnectionLost_AndNothingExecuted()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var client = new ChainflipBrokerClient(new ChainflipBrokerOptions { RpcUrl = new Uri($"ws://127.0.0.1:{port}"), BrokerAccountId = Node.Broker.Address, ReadRetries = 0 });

        ChainflipRpcException error = await Assert.ThrowsAsync<ChainflipRpcException>(() => client.RegisterAffiliateAsync(Alice));

        Assert.Equal((ChainflipError.ConnectionLost, false), (error.Error, error.MayHaveExecuted));
    }

    [Fact]
    public async Task ADisposedClient_RefusesCalls()
    {
        ChainflipBrokerClient client = NewClient();
        await client.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetBrokerAffiliatesAsync(Node.Broker));
    }

    [Fact]
    public void InvalidOptions_AreAllReported()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new ChainflipBrokerClient(new ChainflipBrokerOptions
        {
            RpcUrl = new Uri("http://localhost:9944"),
            BrokerAccountId = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
            ReadTimeout = TimeSpan.Zero,
            ReadRetries = 11,
        }));

        Assert.Contains("RpcUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("BrokerAccountId", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReadTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReadRetries", error.Message, StringComparison.Ordinal);
    }
}
