using System.Numerics;
using Affiliates.Chainflip.Accounts;
using Affiliates.Chainflip.Rpc;
using Affiliates.Chainflip.Tests.Server;

namespace Affiliates.Chainflip.Tests.Rpc;

public sealed class AffiliateMethodTests : NodeTest
{
    [Fact]
    public async Task RegisterAffiliate_ReturnsTheAccountId_AndTheShortIdIsReadBack()
    {
        ChainflipAccountId affiliate = await Client.RegisterAffiliateAsync(Alice);

        Assert.Equal("cFNGCP7MUJCbRyktHizaYnEekiTAPp1Sgopsbt99FNWc6Q1LU", affiliate.Address);
        RegisteredAffiliate listed = Assert.Single(await Client.GetBrokerAffiliatesAsync(Node.Broker, affiliate));
        Assert.Equal((affiliate, 0, Alice), (listed.AccountId, listed.ShortId, listed.WithdrawalAddress));
        Assert.Equal(AffiliateAccountIds.Derive(Node.Broker, 0), affiliate);
    }

    [Fact]
    public async Task RegisterAffiliate_SendsTheAddressPositionallyInLowerCase()
    {
        await Client.RegisterAffiliateAsync("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

        (string method, string parameters) = Assert.Single(Node.Requests);
        Assert.Equal("broker_register_affiliate", method);
        Assert.Equal("""["0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"]""", parameters);
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")]
    [InlineData("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae")]
    [InlineData("")]
    public async Task RegisterAffiliate_NotAnEthereumAddress_IsRefusedBeforeAnyRequest(string address)
    {
        ArgumentException error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.RegisterAffiliateAsync(address));

        Assert.Equal("withdrawalAddress", error.ParamName);
        Assert.Empty(Node.Requests);
    }

    [Fact]
    public async Task RegisterAffiliate_WhenAll256ShortIdsAreTaken_IsAffiliateShortIdOutOfBounds()
    {
        for (int i = 0; i < 256; i++)
        {
            Node.RegisterOnChain(Alice);
        }

        ChainflipRpcException error = await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.RegisterAffiliateAsync(Bob));

        Assert.Equal((ChainflipError.AffiliateShortIdOutOfBounds, -32024, "AffiliateShortIdOutOfBounds"), (error.Error, error.Code, error.ErrorName));
        Assert.False(error.MayHaveExecuted);
    }

    [Fact]
    public async Task GetAffiliates_AreSortedByShortId_ThoughTheNodeListsThemInStorageOrder()
    {
        for (int i = 0; i < 4; i++)
        {
            Node.RegisterOnChain(i % 2 == 0 ? Alice : Bob);
        }

        IReadOnlyList<RegisteredAffiliate> mine = await Client.GetAffiliatesAsync();
        IReadOnlyList<RegisteredAffiliate> anyNode = await Client.GetBrokerAffiliatesAsync(Node.Broker);

        Assert.Equal([0, 1, 2, 3], mine.Select(a => a.ShortId));
        Assert.Equal(mine, anyNode);
        Assert.Equal("""[]""", Node.Requests[0].Params);
        Assert.Equal($"""["{Node.Broker.Address}"]""", Node.Requests[1].Params);
        Assert.Empty(await Client.GetBrokerAffiliatesAsync(AffiliateAccountIds.Derive(Node.Broker, 9)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AffiliateWithdrawal_TakesTheWholeBalanceLessTheEgressFee(bool amountsAsNumbers)
    {
        Node.AmountsAsNumbers = amountsAsNumbers;
        ChainflipAccountId affiliate = await Client.RegisterAffiliateAsync(Alice);
        Node.Credit(affiliate, 0x6d4186e + 0x1843a);
        Assert.Equal(Amount.FromUnits(0x6d4186e + 0x1843a), await Client.GetUsdcBalanceAsync(affiliate));

        Withdrawal withdrawal = await Client.RequestAffiliateWithdrawalAsync(affiliate);

        Assert.Equal(Amount.FromUnits(0x6d4186e), withdrawal.EgressAmount);
        Assert.Equal(Amount.FromUnits(0x1843a), withdrawal.EgressFee);
        Assert.Equal((Alice, "Ethereum", 174UL), (withdrawal.DestinationAddress, withdrawal.EgressChain, withdrawal.EgressId));
        Assert.Equal(Amount.Zero, await Client.GetUsdcBalanceAsync(affiliate));
    }

    [Theory]
    [InlineData(ErrorStyle.Node, -32024)]
    [InlineData(ErrorStyle.StandaloneBrokerApi, -32020)]
    public async Task AffiliateWithdrawal_Failures_AreNamed(ErrorStyle style, int code)
    {
        Node.Errors = style;
        ChainflipAccountId affiliate = await Client.RegisterAffiliateAsync(Alice);

        ChainflipRpcException none = await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.RequestAffiliateWithdrawalAsync(affiliate));
        Node.Credit(affiliate, 0x1843a + 999);
        ChainflipRpcException dust = await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.RequestAffiliateWithdrawalAsync(affiliate));
        ChainflipRpcException stranger = await Assert.ThrowsAsync<ChainflipRpcException>(
            () => Client.RequestAffiliateWithdrawalAsync(AffiliateAccountIds.Derive(Node.Broker, 200)));
        Node.WithdrawalsDisabled = true;
        ChainflipRpcException disabled = await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.RequestAffiliateWithdrawalAsync(affiliate));

        Assert.Equal((ChainflipError.NoFundsAvailable, code), (none.Error, none.Code));
        Assert.Equal((ChainflipError.BelowEgressDustLimit, code), (dust.Error, dust.Code));
        Assert.Equal((ChainflipError.AffiliateNotRegisteredForBroker, code), (stranger.Error, stranger.Code));
        Assert.Equal((ChainflipError.WithdrawalsDisabled, code), (disabled.Error, disabled.Code));
        Assert.Equal("broker_affiliate_withdrawal_request", none.Method);
        Assert.Equal(0x1843a + 999, (int)Node.UsdcOf(affiliate));
    }

    [Fact]
    public async Task Deregister_NeedsAZeroBalance_AndTheNextRegistrationReusesTheSlotAndAccount()
    {
        ChainflipAccountId first = await Client.RegisterAffiliateAsync(Alice);
        await Client.RegisterAffiliateAsync(Alice);
        Node.Credit(first, 5_000_000);

        ChainflipRpcException error = await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.DeregisterAffiliateAsync(first));
        Assert.Equal(ChainflipError.AffiliateEarnedFeesNotWithdrawn, error.Error);

        await Client.RequestAffiliateWithdrawalAsync(first);
        DeregisteredAffiliate gone = await Client.DeregisterAffiliateAsync(first);
        ChainflipAccountId next = await Client.RegisterAffiliateAsync(Bob);

        Assert.Equal((first, 0), (gone.AccountId, gone.ShortId));
        Assert.Equal(first, next);
        Assert.Equal(Bob, (await Client.GetBrokerAffiliatesAsync(Node.Broker, next))[0].WithdrawalAddress);
    }

    [Fact]
    public async Task WithdrawFees_ReadsTheDocsNumbersAndTheCodesHex()
    {
        Node.Credit(Node.Broker, 0x1e240 + 0x1843a);
        Node.AmountsAsNumbers = true;

        Withdrawal withdrawal = await Client.WithdrawFeesAsync(ChainflipAsset.EthereumUsdc, "0xabababababababababababababababababababab");

        Assert.Equal(Amount.FromUnits(0x1e240), withdrawal.EgressAmount);
        Assert.Equal("""[{"chain":"Ethereum","asset":"USDC"},"0xabababababababababababababababababababab"]""", Node.Requests[^1].Params);
        Assert.Equal(ChainflipError.NoFundsAvailable, (await Assert.ThrowsAsync<ChainflipRpcException>(
            () => Client.WithdrawFeesAsync(ChainflipAsset.EthereumUsdc, "0xabababababababababababababababababababab"))).Error);
    }

    [Fact]
    public async Task FreeBalances_ListEveryChainAndAsset()
    {
        ChainflipAccountId affiliate = await Client.RegisterAffiliateAsync(Alice);
        Node.Credit(affiliate, 500_000);

        IReadOnlyDictionary<ChainflipAsset, Amount> balances = await Client.GetFreeBalancesAsync(affiliate);

        Assert.Equal(Amount.FromUnits(500_000), balances[ChainflipAsset.EthereumUsdc]);
        Assert.Equal(Amount.Zero, balances[new ChainflipAsset("Bsc", "BNB")]);
        Assert.Equal(21, balances.Count);
    }

    [Fact]
    public async Task AccountInfo_ShowsTheBrokerAndItsAffiliates()
    {
        ChainflipAccountId affiliate = await Client.RegisterAffiliateAsync(Alice);
        Node.Credit(affiliate, 7);

        AccountInfo broker = await Client.GetAccountInfoAsync(Node.Broker);
        AccountInfo unregistered = await Client.GetAccountInfoAsync(affiliate);

        Assert.True(broker.IsBroker);
        Assert.Equal(affiliate, Assert.Single(broker.Affiliates).AccountId);
        Assert.Equal(Amount.FromUnits(5_000_000_000_000_000_000), broker.FlipBalance);
        Assert.Equal(("unregistered", Amount.FromUnits(7)), (unregistered.Role, unregistered.AssetBalances[ChainflipAsset.EthereumUsdc]));
        Assert.Empty(unregistered.Affiliates);
    }

    [Fact]
    public async Task OtherBrokerCalls_AnswerAsDocumented()
    {
        Assert.StartsWith("0x", await Client.RegisterAccountAsync(), StringComparison.Ordinal);
        Assert.StartsWith("0x", await Client.SetVaultSwapMinimumBrokerFeeAsync(20), StringComparison.Ordinal);
        Assert.Equal(20, Node.VaultSwapMinimumBrokerFee);
        Assert.Equal(7UL, await Client.OpenPrivateBtcChannelAsync());
        Assert.Equal(7UL, await Client.ClosePrivateBtcChannelAsync());
        Assert.Equal(ChainflipError.NoPrivateChannelExistsForBroker, (await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.ClosePrivateBtcChannelAsync())).Error);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.SetVaultSwapMinimumBrokerFeeAsync(1001));
        Assert.Equal(5, Node.Requests.Count);
    }

    [Fact]
    public async Task WithoutABrokerKey_BrokerMethodsAreMethodNotFound_ButReadsWork()
    {
        Node.BrokerKeyLoaded = false;

        ChainflipRpcException error = await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.RegisterAffiliateAsync(Alice));

        Assert.Equal((ChainflipError.MethodNotFound, -32601), (error.Error, error.Code));
        Assert.Empty(await Client.GetBrokerAffiliatesAsync(Node.Broker));
    }

    [Fact]
    public async Task LargeBalances_ComeAsHexAndAreExact()
    {
        ChainflipAccountId affiliate = await Client.RegisterAffiliateAsync(Alice);
        BigInteger large = BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture);
        Node.AmountsAsNumbers = true;
        Node.Credit(affiliate, large);

        Assert.Equal(Amount.FromUnits(Int128.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture)), await Client.GetUsdcBalanceAsync(affiliate));
    }
}
