using System.Text.Json;
using Affiliates.Chainflip.Accounts;
using Affiliates.Chainflip.Rpc;
using Affiliates.Fees;

namespace Affiliates.Chainflip.Tests.Rpc;

public sealed class SwapMethodTests : NodeTest
{
    private const string Destination = "0xb853Fd0303aAc70196E36758dB4754147BC73b32";
    private static readonly RefundParameters Refund = new(500, "0xa56A6be23b6Cf39D9448FF6e897C29c41c8fbDFF", 0x9184e72a000, 50);

    [Fact]
    public async Task DepositChannel_SendsNineParamsWithExplicitNulls_AndReadsTheChannel()
    {
        ChainflipAccountId a = await Client.RegisterAffiliateAsync(Alice);
        ChainflipAccountId b = await Client.RegisterAffiliateAsync(Bob);
        var request = new DepositChannelRequest(
            ChainflipAsset.EthereumFlip,
            ChainflipAsset.EthereumUsdc,
            Destination,
            BeneficiaryList.Create(30, [new Beneficiary(a.Address, 10), new Beneficiary(b.ToSs58(42), 20)]),
            Refund,
            BoostFeeBps: 100);

        DepositChannel channel = await Client.RequestSwapDepositAddressAsync(request);

        Assert.Equal((6UL, 5418L, 22950312UL, Amount.Zero), (channel.ChannelId, channel.IssuedBlock, channel.SourceChainExpiryBlock, channel.ChannelOpeningFee));
        Assert.Equal(
            $$"""[{"chain":"Ethereum","asset":"FLIP"},{"chain":"Ethereum","asset":"USDC"},"{{Destination}}",30,null,100,[{"account":"{{a.Address}}","bps":10},{"account":"{{b.Address}}","bps":20}],{"retry_duration":500,"refund_address":"0xa56A6be23b6Cf39D9448FF6e897C29c41c8fbDFF","min_price":"0x9184e72a000","refund_ccm_metadata":null,"max_oracle_price_slippage":50},null]""",
            Node.Requests[^1].Params);
    }

    [Fact]
    public async Task DepositChannel_ABeneficiaryThatIsNotAnAccount_IsRefusedBeforeAnyRequest()
    {
        var request = new DepositChannelRequest(
            ChainflipAsset.EthereumFlip, ChainflipAsset.EthereumUsdc, Destination, BeneficiaryList.Create(30, [new Beneficiary("cF-not-an-account", 10)]), Refund);

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => Client.RequestSwapDepositAddressAsync(request));

        Assert.Contains("Beneficiary 0", error.Message, StringComparison.Ordinal);
        Assert.Empty(Node.Requests);
    }

    [Fact]
    public async Task DepositChannel_WithoutRefundParameters_IsRefusedBeforeAnyRequest()
    {
        var request = new DepositChannelRequest(ChainflipAsset.EthereumFlip, ChainflipAsset.EthereumUsdc, Destination, BeneficiaryList.Create(30, []), null!);

        await Assert.ThrowsAsync<ArgumentException>(() => Client.RequestSwapDepositAddressAsync(request));
        Assert.Empty(Node.Requests);
    }

    [Fact]
    public async Task VaultSwap_FromEthereum_IsEncodedForTheBroker()
    {
        ChainflipAccountId a = await Client.RegisterAffiliateAsync(Alice);
        VaultSwapRequest request = VaultSwapRequest.Evm(
            ChainflipAsset.EthereumFlip, ChainflipAsset.EthereumEth, Destination, BeneficiaryList.ForVaultSwap(30, [new Beneficiary(a.Address, 10)]), Amount.FromUnits(0xbebc20), Refund, boostFeeBps: 100);

        VaultSwapDetails details = await Client.RequestSwapParameterEncodingAsync(request);
        VaultSwapDetails anyNode = await Client.RequestSwapParameterEncodingAsync(Node.Broker, request);

        Assert.Equal(("Ethereum", "0xb7a5bd0345ef1cc5e66bf61bdec17d2461fbd968"), (details.Chain, details.To));
        Assert.Equal(Amount.FromUnits(0x4563918244f40000), details.Value);
        Assert.Equal("0x10c6e9530f1c1af873a391030a1d9e8ed0630d26", details.SourceTokenAddress);
        Assert.Equal(details, anyNode);
        using JsonDocument sent = JsonDocument.Parse(Node.Requests[^2].Params);
        Assert.Equal("""{"chain":"Ethereum","input_amount":"0xbebc20","refund_parameters":{"retry_duration":500,"refund_address":"0xa56A6be23b6Cf39D9448FF6e897C29c41c8fbDFF","min_price":"0x9184e72a000","refund_ccm_metadata":null,"max_oracle_price_slippage":50}}""", sent.RootElement[4].GetRawText());
        Assert.Equal(Node.Broker.Address, JsonDocument.Parse(Node.Requests[^1].Params).RootElement[0].GetString());
    }

    [Fact]
    public async Task VaultSwap_FromBitcoin_NeedsThePrivateChannel()
    {
        ChainflipAccountId a = await Client.RegisterAffiliateAsync(Alice);
        VaultSwapRequest request = VaultSwapRequest.Bitcoin(
            ChainflipAsset.EthereumUsdc, Destination, BeneficiaryList.ForVaultSwap(30, [new Beneficiary(a.Address, 10)]), Amount.FromUnits(1_000_000), 100);

        ChainflipRpcException error = await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.RequestSwapParameterEncodingAsync(request));
        Assert.Equal((ChainflipError.NoPrivateChannelExistsForBroker, -32021), (error.Error, error.Code));

        await Client.OpenPrivateBtcChannelAsync();
        VaultSwapDetails details = await Client.RequestSwapParameterEncodingAsync(request);
        Assert.Equal(("Bitcoin", "bcrt1phs8wzjf79ga4y04ses8alz4dgjlz0jdx0r8uat6w04e5xcvqtqkqe4rx3c"), (details.Chain, details.DepositAddress));
        Assert.StartsWith("0x0001abab", details.NulldataPayload, StringComparison.Ordinal);
    }

    [Fact]
    public void VaultSwap_AThirdBitcoinAffiliate_IsRefusedBeforeAnyRequest()
    {
        BeneficiaryList three = BeneficiaryList.ForVaultSwap(30, [new(Account(1), 10), new(Account(2), 10), new(Account(3), 10)]);

        BeneficiaryValidationException error = Assert.Throws<BeneficiaryValidationException>(
            () => VaultSwapRequest.Bitcoin(ChainflipAsset.EthereumUsdc, Destination, three, Amount.FromUnits(1), 100));

        Assert.Equal(BeneficiaryValidationError.TooManyAffiliates, error.Reason);
        Assert.Empty(Node.Requests);
    }

    [Fact]
    public void VaultSwap_AChannelListAbove255Bps_IsRefusedBeforeAnyRequest() =>
        Assert.Equal(
            BeneficiaryValidationError.VaultSwapAffiliateAboveLimit,
            Assert.Throws<BeneficiaryValidationException>(
                () => VaultSwapRequest.Evm(ChainflipAsset.EthereumFlip, ChainflipAsset.EthereumEth, Destination, BeneficiaryList.Create(0, [new(Account(1), 300)]), Amount.FromUnits(1), Refund)).Reason);

    [Fact]
    public async Task VaultSwap_RuntimeRefusals_AreNamed()
    {
        VaultSwapRequest stranger = VaultSwapRequest.Evm(
            ChainflipAsset.EthereumFlip, ChainflipAsset.EthereumEth, Destination, BeneficiaryList.ForVaultSwap(30, [new(Account(9), 10)]), Amount.FromUnits(1), Refund);
        Node.VaultSwapMinimumBrokerFee = 50;
        VaultSwapRequest cheap = VaultSwapRequest.Evm(
            ChainflipAsset.EthereumFlip, ChainflipAsset.EthereumEth, Destination, BeneficiaryList.ForVaultSwap(30, []), Amount.FromUnits(1), Refund);

        ChainflipRpcException tooLow = await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.RequestSwapParameterEncodingAsync(cheap));
        Node.VaultSwapMinimumBrokerFee = 0;
        ChainflipRpcException notMine = await Assert.ThrowsAsync<ChainflipRpcException>(() => Client.RequestSwapParameterEncodingAsync(stranger));

        Assert.Equal((ChainflipError.BrokerCommissionTooLow, -32021), (tooLow.Error, tooLow.Code));
        Assert.Equal((ChainflipError.AffiliateNotRegisteredForBroker, "AffiliateNotRegisteredForBroker"), (notMine.Error, notMine.ErrorName));
    }

    [Fact]
    public async Task EncodeCfParameters_ReturnsHex_AndChecksVaultLimitsFirst()
    {
        ChainflipAccountId a = await Client.RegisterAffiliateAsync(Alice);
        var request = new DepositChannelRequest(ChainflipAsset.EthereumFlip, ChainflipAsset.EthereumEth, Destination, BeneficiaryList.Create(30, [new(a.Address, 10)]), Refund);

        Assert.Equal("0x00001e", await Client.EncodeCfParametersAsync(request));
        await Assert.ThrowsAsync<BeneficiaryValidationException>(() => Client.EncodeCfParametersAsync(request with { Beneficiaries = BeneficiaryList.Create(0, [new(a.Address, 256)]) }));
        await Assert.ThrowsAsync<ArgumentException>(() => Client.EncodeCfParametersAsync(request with { Source = ChainflipAsset.Btc }));
        Assert.Equal(2, Node.Requests.Count);
    }

    [Fact]
    public void Assets_AreSpeltAsTheNodeSpellsThem()
    {
        Assert.Throws<ArgumentException>(() => new ChainflipAsset("ETHEREUM", "ETH"));
        Assert.Throws<ArgumentException>(() => new ChainflipAsset("Ethereum", "Eth"));
        Assert.Equal("Tron", new ChainflipAsset("Tron", "TRX").Chain);
    }

    private static string Account(int shortId) =>
        AffiliateAccountIds.Derive(ChainflipAccountId.Parse("cFJw6hEu8yJVY84dQcKwLdKgXU4PejaTfkoyfNW28n6XyEec1"), (byte)shortId).Address;
}
