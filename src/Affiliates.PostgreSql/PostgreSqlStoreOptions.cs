namespace Affiliates.PostgreSql;

/// <summary>Settings of the PostgreSQL store.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>The default of <see cref="BulkCopyThreshold"/>.</summary>
    public const int DefaultBulkCopyThreshold = 256;

    /// <summary>Gets or sets the Npgsql connection string, for example
    /// <c>Host=127.0.0.1;Port=5432;Username=app;Database=affiliates</c>. Required.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Gets or sets the number of events in one unit of work from which they are written with
    /// COPY BINARY into a staging table instead of one statement per event.</summary>
    public int BulkCopyThreshold { get; set; } = DefaultBulkCopyThreshold;

    /// <summary>Gets or sets a value indicating whether the store applies its pending migrations before first
    /// use. Turn it off when the schema is deployed by other means; defaults to <see langword="true"/>.</summary>
    public bool ApplyMigrations { get; set; } = true;
}
