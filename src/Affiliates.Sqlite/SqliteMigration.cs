namespace Affiliates.Sqlite;

/// <summary>One embedded schema script: its number, its file name without extension, and its SQL.</summary>
internal sealed record SqliteMigration(int Version, string Name, string Sql);
