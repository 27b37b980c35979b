using Affiliates.Addresses;
using Affiliates.Hosting;
using Affiliates.Programs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Affiliates.Solana;

/// <summary>Registers the Solana adapter with the affiliates engine.</summary>
public static class SolanaAffiliatesBuilderExtensions
{
    /// <summary>Adds Solana addresses, <c>signMessage</c> verification, and (with an RPC URL) the JSON-RPC client; calling it again only adds configuration.</summary>
    /// <remarks>
    /// Registers an <see cref="IAddressCodec"/> for <see cref="AddressFamilies.Solana"/> (also as a keyed service under
    /// that family name) and the Ed25519 <see cref="ISignatureVerifier"/>, which replaces the core's refusing default;
    /// it is keyed under the family name too, for hosts that verify several chains. Options are validated with every
    /// problem reported at once, at host start and when a Solana service is first resolved.
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
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SolanaOptions>, SolanaOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAddressCodec, SolanaAddressCodec>());
        services.TryAddKeyedSingleton<IAddressCodec, SolanaAddressCodec>(AddressFamilies.Solana);
        services.TryAddKeyedSingleton<ISignatureVerifier, SolanaSignatureVerifier>(AddressFamilies.Solana);
        services.Replace(ServiceDescriptor.Singleton<ISignatureVerifier, SolanaSignatureVerifier>());
        return builder;
    }
}
