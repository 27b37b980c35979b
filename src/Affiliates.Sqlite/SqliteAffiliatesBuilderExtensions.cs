using Affiliates.Hosting;
using Affiliates.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Affiliates.Sqlite;

/// <summary>Registers the SQLite store with the affiliates engine.</summary>
public static class SqliteAffiliatesBuilderExtensions
{
    /// <summary>Replaces the store registered so far (the in-memory default) with a <see cref="SqliteAffiliateStore"/>.</summary>
    /// <remarks>
    /// The options are read once, here: a missing file path or a bad busy timeout throws at registration rather than
    /// at first use. The database file and its schema are created on first use.
    /// </remarks>
    /// <param name="builder">The builder returned by <c>AddAffiliates</c>.</param>
    /// <param name="configure">Sets the file path or connection string, and optionally the busy timeout.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentException">Neither a file path nor a connection string was set.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The busy timeout is not positive.</exception>
    public static IAffiliatesBuilder UseSqlite(this IAffiliatesBuilder builder, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SqliteStoreOptions();
        configure(options);
        var store = new SqliteAffiliateStore(options);
        builder.Services.RemoveAll<IAffiliateStore>();
        builder.Services.AddSingleton<IAffiliateStore>(store);
        return builder;
    }
}
