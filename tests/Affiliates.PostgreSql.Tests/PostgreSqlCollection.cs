namespace Affiliates.PostgreSql.Tests;

/// <summary>All PostgreSQL tests share one server and run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSql";
}
