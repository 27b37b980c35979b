using Affiliates.Brokers;
using Affiliates.Chainflip.Accounts;
using Affiliates.Chainflip.Rpc;
using Affiliates.Chainflip.Tests.Rpc;
using Affiliates.Fees;
using NodaTime;
using NodaTime.Testing;

namespace Affiliates.Chainflip.Tests;

public sealed class ChainflipBrokerTests : NodeTest
{
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 12, 1, 0, 0));

    [Fact]
    public async Task RegisterAffiliate_LearnsItsShortIdFromTheChain()
    {
        ChainflipBroker broker = Broker();

        DelegatedAffiliate affiliate = await broker.RegisterAffiliateAsync("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

        Assert.Equal((0, "0.1", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"), (affiliate.ShortId, affiliate.RegistrationId, affiliate.WithdrawalAddress));
        Assert.Equal("cFNGCP7MUJCbRyktHizaYnEekiTAPp1Sgopsbt99FNWc6Q1LU", affiliate.AccountId);
        Assert.Equal(clock.GetCurrentInstant(), affiliate.RegisteredAt);
        Assert.Equal(["broker_register_affiliate", "cf_get_affiliates"], Node.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task The257thAffiliate_IsRefusedBeforeAnyRequestIsSent()
    {
        for (int i = 0; i < 256; i++)
        {
            Node.RegisterOnChain(Alice);
        }

        ChainflipBroker broker = Broker();
        Assert.Equal(256, (await broker.SyncAsync()).Count);

        BrokerRuleException error = await Assert.ThrowsAsync<BrokerRuleException>(() => broker.RegisterAffiliateAsync(Bob));

        Assert.Equal(BrokerRule.AffiliateLimitReached, error.Rule);
        Assert.Equal(0, Node.Count("broker_register_affiliate"));
    }

    [Fact]
    public async Task ConcurrentRegistrations_NeverPassTheLimitTogether()
    {
        for (int i = 0; i < 254; i++)
        {
            Node.RegisterOnChain(Alice);
        }

        ChainflipBroker broker = Broker();
        await broker.SyncAsync();

        Task<DelegatedAffiliate>[] racing = [.. Enumerable.Range(0, 5).Select(_ => broker.RegisterAffiliateAsync(Bob))];
        await Task.WhenAll(racing).ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.Equal(2, racing.Count(t => t.IsCompletedSuccessfully));
        Assert.All(racing.Where(t => t.IsFaulted), t => Assert.Equal(BrokerRule.AffiliateLimitReached, Assert.IsType<BrokerRuleException>(t.Exception!.InnerException).Rule));
        Assert.Equal(2, Node.Count("broker_register_affiliate"));
        Assert.Equal(256, broker.State.Count);
    }

    [Fact]
    public async Task ABadWithdrawalAddress_IsRefusedBeforeAnyRequest()
    {
        ChainflipBroker broker = Broker();

        await Assert.ThrowsAsync<ArgumentException>(() => broker.RegisterAffiliateAsync("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));

        Assert.Empty(Node.Requests);
    }

    [Fact]
    public async Task AReusedShortId_DoesNotInheritTheFormerAffiliate()
    {
        ChainflipBroker broker = Broker();
        DelegatedAffiliate first = await broker.RegisterAffiliateAsync(Alice);
        clock.Advance(Duration.FromDays(3));

        DelegatedAffiliate gone = await broker.DeregisterAffiliateAsync(first.AccountId);
        DelegatedAffiliate second = await broker.RegisterAffiliateAsync(Bob);

        Assert.Equal(first.AccountId, second.AccountId);
        Assert.Equal(("0.1", "0.2"), (gone.RegistrationId, second.RegistrationId));
        Assert.Equal(clock.GetCurrentInstant(), gone.DeregisteredAt);
        Assert.Equal("0xa646Ff46CE321Cf4259Caa01BCC71B54A333532C".ToLowerInvariant(), second.WithdrawalAddress.ToLowerInvariant());
    }

    [Fact]
    public async Task Sync_PicksUpWhatOtherToolsRegisteredAndDeregistered()
    {
        ChainflipBroker broker = Broker();
        DelegatedAffiliate mine = await broker.RegisterAffiliateAsync(Alice);
        ChainflipAccountId theirs = Node.RegisterOnChain(Bob);
        await Client.DeregisterAffiliateAsync(ChainflipAccountId.Parse(mine.AccountId));

        Broker synced = await broker.SyncAsync();

        Assert.Equal(theirs.Address, Assert.Single(synced.Affiliates).AccountId);
        Assert.Equal(mine.RegistrationId, Assert.Single(synced.Former).RegistrationId);
    }

    [Fact]
    public async Task VaultSwap_WithAnAffiliateOfAnotherBroker_IsRefusedBeforeAnyRequest()
    {
        ChainflipBroker broker = Broker();
        string stranger = AffiliateAccountIds.Derive(ChainflipAccountId.Parse("cFHsUq1uK5opJudRDczhdPVj6LGoVTqYsfj71tbHfKsTAzkJJ"), 0).Address;
        VaultSwapRequest request = VaultSwapRequest.Evm(
            ChainflipAsset.EthereumFlip, ChainflipAsset.EthereumEth, Alice, BeneficiaryList.ForVaultSwap(30, [new(stranger, 10)]), Amount.FromUnits(1), new RefundParameters(10, Alice, 1));

        BrokerRuleException error = await Assert.ThrowsAsync<BrokerRuleException>(() => broker.EncodeVaultSwapAsync(request));

        Assert.Equal(BrokerRule.AffiliateNotRegistered, error.Rule);
        Assert.Empty(Node.Requests);
    }

    [Fact]
    public async Task VaultSwap_WithTheBrokersOwnAffiliates_IsEncoded()
    {
        ChainflipBroker broker = Broker();
        DelegatedAffiliate affiliate = await broker.RegisterAffiliateAsync(Alice);
        VaultSwapRequest request = VaultSwapRequest.Evm(
            ChainflipAsset.EthereumFlip, ChainflipAsset.EthereumEth, Alice, BeneficiaryList.ForVaultSwap(30, [new(ChainflipAccountId.Parse(affiliate.AccountId).ToSs58(42), 10)]), Amount.FromUnits(1), new RefundParameters(10, Alice, 1));

        Assert.Equal("Ethereum", (await broker.EncodeVaultSwapAsync(request)).Chain);
    }

    [Fact]
    public async Task BalanceAndWithdrawal_OfAStranger_AreRefusedBeforeAnyRequest()
    {
        ChainflipBroker broker = Broker();
        string stranger = AffiliateAccountIds.Derive(Node.Broker, 3).Address;

        await Assert.ThrowsAsync<BrokerRuleException>(() => broker.GetAffiliateBalanceAsync(stranger));
        await Assert.ThrowsAsync<BrokerRuleException>(() => broker.WithdrawAffiliateAsync(stranger));
        await Assert.ThrowsAsync<BrokerRuleException>(() => broker.DeregisterAffiliateAsync(stranger));
        Assert.Empty(Node.Requests);
    }

    [Fact]
    public async Task ARegistrationThatNeverAppears_TimesOutAndSaysItMayHaveExecuted()
    {
        ChainflipBroker broker = Broker(o =>
        {
            o.RegistrationPollInterval = TimeSpan.FromMilliseconds(20);
            o.RegistrationWait = TimeSpan.FromMilliseconds(300);
        });
        for (int i = 0; i < 100; i++)
        {
            Node.AnswerNext("cf_get_affiliates", "[]");
        }

        ChainflipRpcException error = await Assert.ThrowsAsync<ChainflipRpcException>(() => broker.RegisterAffiliateAsync(Alice));

        Assert.Equal((ChainflipError.Timeout, true), (error.Error, error.MayHaveExecuted));
        Assert.Equal(0, broker.State.Count);
    }

    private ChainflipBroker Broker(Action<ChainflipBrokerOptions>? configure = null)
    {
        var options = new ChainflipBrokerOptions { RpcUrl = Node.Url, BrokerAccountId = Node.Broker.Address, RegistrationPollInterval = TimeSpan.FromMilliseconds(20) };
        configure?.Invoke(options);
        return new ChainflipBroker(NewClient(configure), options, clock);
    }
}
