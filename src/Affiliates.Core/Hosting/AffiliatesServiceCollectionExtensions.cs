using Affiliates.Programs;
using Affiliates.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Affiliates.Hosting;

/// <summary>Registers the affiliates engine.</summary>
public static class AffiliatesServiceCollectionExtensions
{
    /// <summary>Adds the engine (<see cref="IAffiliateProgram"/>) with its defaults; calling it again only adds configuration.</summary>
    /// <remarks>
    /// Defaults, each replaceable by registering another implementation before or after: an in-memory
    /// <see cref="IAffiliateStore"/>, <see cref="SystemClock.Instance"/> as <see cref="IClock"/>, and an
    /// <see cref="ISignatureVerifier"/> that refuses every signature until a chain adapter adds a real one.
    /// Options are validated with every problem reported at once: at host start (<c>ValidateOnStart</c>, when a generic
    /// host runs the startup validators) and in any case when <see cref="IAffiliateProgram"/> is first resolved.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the default options.</param>
    /// <returns>A builder for adapter packages' extensions.</returns>
    public static IAffiliatesBuilder AddAffiliates(this IServiceCollection services, Action<AffiliatesOptions>? configure = null)
    {
        Preconditions.NotNull(services);
        OptionsBuilder<AffiliatesOptions> options = services.AddOptions<AffiliatesOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AffiliatesOptions>, AffiliatesOptionsValidator>());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<IAffiliateStore, InMemoryAffiliateStore>();
        services.TryAddSingleton<ISignatureVerifier, RefusingSignatureVerifier>();
        services.TryAddSingleton<IAffiliateProgram, ProgramEngine>();
        return new AffiliatesBuilder(services);
    }
}
