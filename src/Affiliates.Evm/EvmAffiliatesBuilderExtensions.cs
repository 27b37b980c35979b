using Affiliates.Addresses;
using Affiliates.Hosting;
using Affiliates.Payouts;
using Affiliates.Programs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Affiliates.Evm;

/// <summary>Registers the EVM adapter with the affiliates engine.</summary>
public static class EvmAffiliatesBuilderExtensions
{
    /// <summary>Adds the EVM address codec, signature verifier and payout rail; calling it again only adds configuration.</summary>
    /// <remarks>
    /// The verifier checks EVM signers (EIP-191, EIP-712, and EIP-1271 when <see cref="EvmOptions.RpcUrl"/> is set) and
    /// hands any other signer to the verifier registered before it, so that adapters for other chains can be added
    /// alongside. The payout rail (an <see cref="IPayoutRail"/> named <c>evm:</c> and the chain name) pays the native coin
    /// and the listed <see cref="EvmOptions.TokenContracts"/> once <see cref="EvmOptions.Signer"/> is set. The codec and the EVM-only verifier are also keyed under <see cref="AddressFamilies.Evm"/>, for hosts
    /// that pick a chain's services by family. Options are validated with every problem reported at once, at host start and when first resolved.
    /// </remarks>
    /// <param name="builder">The builder returned by <c>AddAffiliates</c>.</param>
    /// <param name="configure">Sets the chain id and, for contract wallets and payouts, the RPC URL and signer.</param>
    /// <returns>The same builder.</returns>
    public static IAffiliatesBuilder AddEvm(this IAffiliatesBuilder builder, Action<EvmOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        IServiceCollection services = builder.Services;
        services.AddOptions<EvmOptions>().Configure(configure).ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(EvmRegistration)))
        {
            return builder;
        }

        services.AddSingleton<EvmRegistration>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EvmOptions>, EvmOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAddressCodec, EvmAddressCodec>());
        services.TryAddKeyedSingleton<IAddressCodec>(AddressFamilies.Evm, EvmAddressCodec.Instance);
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<EvmOptions>>().Value.RpcUrl is { } url ? EvmRpc.ForUrl(url) : null!);
        services.TryAddKeyedSingleton<ISignatureVerifier>(AddressFamilies.Evm, (provider, _) => Verifier(provider, next: null));

        services.TryAddSingleton(provider => new EvmNonceManager(provider.GetRequiredService<IClock>(), provider.GetRequiredService<IOptions<EvmOptions>>().Value.ReplaceAfter));
        services.TryAddSingleton(provider =>
        {
            EvmOptions options = provider.GetRequiredService<IOptions<EvmOptions>>().Value;
            return new EvmPayoutRail(options, options.RpcUrl is null ? null : provider.GetRequiredService<EvmRpc>(), provider.GetRequiredService<EvmNonceManager>());
        });
        services.AddSingleton<IPayoutRail>(provider => provider.GetRequiredService<EvmPayoutRail>());

        ServiceDescriptor? previous = services.LastOrDefault(d => d.ServiceType == typeof(ISignatureVerifier) && !d.IsKeyedService);
        foreach (ServiceDescriptor unkeyed in services.Where(d => d.ServiceType == typeof(ISignatureVerifier) && !d.IsKeyedService).ToList())
        {
            services.Remove(unkeyed);
        }

        services.AddSingleton<ISignatureVerifier>(provider => Verifier(provider, previous is null ? null : Resolve(previous, provider)));
        return builder;
    }

    private static EvmSignatureVerifier Verifier(IServiceProvider provider, ISignatureVerifier? next)
    {
        EvmOptions options = provider.GetRequiredService<IOptions<EvmOptions>>().Value;
        EvmRpc? rpc = options.RpcUrl is null ? null : provider.GetRequiredService<EvmRpc>();
        return new EvmSignatureVerifier(options.ChainId, rpc, next);
    }

    private static ISignatureVerifier Resolve(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (ISignatureVerifier)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    /// <summary>Marks the services as holding the EVM adapter, so that a second <c>AddEvm</c> only adds configuration.</summary>
    private sealed class EvmRegistration;
}
