using Affiliates.Addresses;
using Affiliates.Chainflip.Rpc;
using Affiliates.Hosting;
using Affiliates.Payouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Affiliates.Chainflip.Tests;

public sealed class AddChainflipBrokerTests
{
    private const string Broker = "cFJw6hEu8yJVY84dQcKwLdKgXU4PejaTfkoyfNW28n6XyEec1";

    [Fact]
    public async Task AddChainflipBroker_RegistersTheCodecClientAndBroker()
    {
        var services = new ServiceCollection();
        services.AddAffiliates().AddChainflipBroker(o =>
        {
            o.RpcUrl = new Uri("ws://127.0.0.1:9944");
            o.BrokerAccountId = Broker;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Contains(provider.GetServices<IAddressCodec>(), c => c.Family == AddressFamilies.Ss58);
        Assert.IsType<Ss58AddressCodec>(provider.GetRequiredKeyedService<IAddressCodec>(AddressFamilies.Ss58));
        Assert.Same(provider.GetRequiredService<ChainflipBrokerClient>(), provider.GetRequiredService<ChainflipBrokerClient>());
        Assert.Equal(Broker, provider.GetRequiredService<ChainflipBroker>().AccountId.Address);
        Assert.Equal("chainflip", Assert.Single(provider.GetServices<IPayoutRail>()).Name);
    }

    [Fact]
    public async Task AddChainflipBroker_Twice_AddsOneCodec()
    {
        var services = new ServiceCollection();
        services.AddAffiliates().AddChainflipBroker(o => o.RpcUrl = new Uri("ws://127.0.0.1:9944")).AddChainflipBroker(o => o.BrokerAccountId = Broker);
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IAddressCodec>(), c => c.Family == AddressFamilies.Ss58);
        Assert.Single(provider.GetServices<IPayoutRail>());
        Assert.Equal(Broker, provider.GetRequiredService<ChainflipBroker>().AccountId.Address);
    }

    [Fact]
    public async Task AddChainflipBroker_WithoutEndpointOrBroker_FailsNamingBoth()
    {
        var services = new ServiceCollection();
        services.AddAffiliates().AddChainflipBroker(o => o.WriteTimeout = TimeSpan.Zero);
        await using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ChainflipBrokerOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("RpcUrl", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("BrokerAccountId", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("WriteTimeout", StringComparison.Ordinal));
    }
}
