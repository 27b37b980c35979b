using Affiliates.Addresses;
using Affiliates.Hosting;
using Affiliates.Payouts;
using Affiliates.Programs;
using Affiliates.Solana.Payouts;
using Affiliates.Solana.Rpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Affiliates.Solana;

/// <summary>Registers the Solana adapter with the affiliates engine.</summary>
public static class SolanaAffiliatesBuilderExtensions
{
    internal const string HttpClientName = "Affiliates.Solana";

    /// <summary>Adds Solana addresses, <c>signMessage</c> verification and, with an RPC URL and a payer, SOL and SPL-token payouts; calling it again only adds configuration.</summary>
    /// <remarks>
    /// Registers an <see cref="IAddressCodec"/> for <see cref="AddressFamilies.Solana"/> and an Ed25519
    /// <see cref="ISignatureVerifier"/> that checks Solana signers and hands any other signer to the verifier
    /// registered before it (the core's refusing default, or another chain's adapter), so that adapters can be added
    /// in any order. The codec and the Solana-only verifier are also keyed under the family name. An
    /// <see cref="IPayoutRail"/> named <see cref="SolanaOptions.RailName"/> pays SOL and SPL tokens of the Solana chain
    /// once <see cref="SolanaOptions.Payer"/> is set (and pays nothing before). Options are
    /// validated with every problem reported at once, at host start and when a Solana service is first resolved.
    /// </remarks>
    /// <param name="builder">The builder returned by <c>AddAffiliates</c>.</param>
    /// <param name="configure">Sets the RPC endpoint, commitment and payer.</param>
    /// <returns>The same builder.</returns>
    public static IAffiliatesBuilder AddSolana(this IAffiliatesBuilder builder, Action<SolanaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        OptionsBuilder<SolanaOptions> options = services.AddOptions<SolanaOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(SolanaRegistration)))
        {
            return builder;
        }

        services.AddSingleton<SolanaRegistration>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SolanaOptions>, SolanaOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAddressCodec, SolanaAddressCodec>());
        services.TryAddKeyedSingleton<IAddressCodec, SolanaAddressCodec>(AddressFamilies.Solana);
        services.TryAddKeyedSingleton<ISignatureVerifier>(AddressFamilies.Solana, (_, _) => new SolanaSignatureVerifier());
        services.AddHttpClient(HttpClientName);
        services.TryAddSingleton(RpcClient);
        services.TryAddSingleton(provider => new SolanaPayoutRail(provider.GetRequiredService<SolanaRpcClient>, provider.GetRequiredService<IOptions<SolanaOptions>>().Value));
        services.AddSingleton<IPayoutRail>(provider => provider.GetRequiredService<SolanaPayoutRail>());

        ServiceDescriptor? previous = services.LastOrDefault(d => d.ServiceType == typeof(ISignatureVerifier) && !d.IsKeyedService);
        foreach (ServiceDescriptor unkeyed in services.Where(d => d.ServiceType == typeof(ISignatureVerifier) && !d.IsKeyedService).ToList())
        {
            services.Remove(unkeyed);
        }

        services.AddSingleton<ISignatureVerifier>(provider => new SolanaSignatureVerifier(previous is null ? null : Resolve(previous, provider)));
        return builder;
    }

    private static SolanaRpcClient RpcClient(IServiceProvider provider)
    {
        SolanaOptions options = provider.GetRequiredService<IOptions<SolanaOptions>>().Value;
        Uri url = options.RpcUrl ?? throw new InvalidOperationException($"The Solana RPC client needs {nameof(SolanaOptions)}.{nameof(SolanaOptions.RpcUrl)}: set it in AddSolana(o => o.RpcUrl = ...).");
        IHttpClientFactory factory = provider.GetRequiredService<IHttpClientFactory>();
        return new SolanaRpcClient(() => factory.CreateClient(HttpClientName), url, options.Commitment, options.RequestTimeout, options.ReadRetries);
    }

    private static ISignatureVerifier Resolve(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (ISignatureVerifier)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    /// <summary>Marks the services as holding the Solana adapter, so that a second <c>AddSolana</c> only adds configuration.</summary>
    private sealed class SolanaRegistration;
}
