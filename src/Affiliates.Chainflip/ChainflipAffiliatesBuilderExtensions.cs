using Affiliates.Addresses;
using Affiliates.Chainflip.Payouts;
using Affiliates.Chainflip.Rpc;
using Affiliates.Hosting;
using Affiliates.Payouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Affiliates.Chainflip;

/// <summary>Registers the Chainflip broker adapter with the affiliates engine.</summary>
public static class ChainflipAffiliatesBuilderExtensions
{
    /// <summary>Adds SS58 addresses, the broker JSON-RPC client and the broker's delegated affiliates; calling it again only adds configuration.</summary>
    /// <remarks>
    /// Registers an <see cref="IAddressCodec"/> for <see cref="AddressFamilies.Ss58"/> (also keyed under that name), a
    /// singleton <see cref="ChainflipBrokerClient"/>, the <see cref="IPayoutRail"/> named <c>chainflip</c> (affiliate
    /// withdrawals of USDC on Ethereum) and a singleton <see cref="ChainflipBroker"/>, which checks
    /// withdrawal addresses with the <see cref="AddressFamilies.Evm"/> codec keyed in the container when there is one
    /// (the EVM adapter's), else with its own EIP-55 check. Options are validated with every problem reported at once,
    /// at host start and when a Chainflip service is first resolved.
    /// </remarks>
    /// <param name="builder">The builder returned by <c>AddAffiliates</c>.</param>
    /// <param name="configure">Sets the node endpoint, the broker account and the timeouts.</param>
    /// <returns>The same builder.</returns>
    public static IAffiliatesBuilder AddChainflipBroker(this IAffiliatesBuilder builder, Action<ChainflipBrokerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        OptionsBuilder<ChainflipBrokerOptions> options = services.AddOptions<ChainflipBrokerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChainflipBrokerOptions>, ChainflipBrokerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAddressCodec, Ss58AddressCodec>());
        services.TryAddKeyedSingleton<IAddressCodec, Ss58AddressCodec>(AddressFamilies.Ss58);
        services.TryAddSingleton(sp => new ChainflipBrokerClient(sp.GetRequiredService<IOptions<ChainflipBrokerOptions>>().Value));
        services.TryAddSingleton(sp => new ChainflipBroker(
            sp.GetRequiredService<ChainflipBrokerClient>(),
            sp.GetRequiredService<IOptions<ChainflipBrokerOptions>>().Value,
            sp.GetRequiredService<IClock>(),
            sp.GetKeyedService<IAddressCodec>(AddressFamilies.Evm),
            logger: sp.GetService<ILogger<ChainflipBroker>>()));
        if (!services.Any(d => d.ServiceType == typeof(ChainflipPayoutRail)))
        {
            services.AddSingleton(sp => new ChainflipPayoutRail(
                sp.GetRequiredService<ChainflipBroker>(), sp.GetRequiredService<ChainflipBrokerClient>(), sp.GetService<ILogger<ChainflipPayoutRail>>()));
            services.AddSingleton<IPayoutRail>(sp => sp.GetRequiredService<ChainflipPayoutRail>());
        }

        return builder;
    }
}
