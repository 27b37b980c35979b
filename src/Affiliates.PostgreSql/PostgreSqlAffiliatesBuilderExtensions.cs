using Affiliates.Hosting;
using Affiliates.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Affiliates.PostgreSql;

/// <summary>Registers the PostgreSQL store with <c>AddAffiliates</c>.</summary>
public static class PostgreSqlAffiliatesBuilderExtensions
{
    /// <summary>Makes <see cref="PostgreSqlAffiliateStore"/> the <see cref="IAffiliateStore"/>, replacing the in-memory one.</summary>
    /// <remarks>The options are validated when the host starts; the schema is migrated before the store's first use
    /// unless <see cref="PostgreSqlStoreOptions.ApplyMigrations"/> is off. Calling it again only adds configuration.</remarks>
    /// <param name="builder">The builder returned by <c>AddAffiliates</c>.</param>
    /// <param name="configure">Sets the connection string and other options.</param>
    /// <returns>The same builder.</returns>
    public static IAffiliatesBuilder UsePostgreSql(this IAffiliatesBuilder builder, Action<PostgreSqlStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        IServiceCollection services = builder.Services;
        services.AddOptions<PostgreSqlStoreOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlStoreOptions>, PostgreSqlStoreOptionsValidator>());
        services.TryAddSingleton(sp => new PostgreSqlAffiliateStore(sp.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value));
        services.Replace(ServiceDescriptor.Singleton<IAffiliateStore>(sp => sp.GetRequiredService<PostgreSqlAffiliateStore>()));
        return builder;
    }
}
