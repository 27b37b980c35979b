using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Affiliates.Sqlite;

/// <summary>A command prepared once and executed many times with positional values for its <c>$name</c> parameters.</summary>
internal sealed partial class SqliteStatement : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;

    public SqliteStatement(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        parameters = [.. ParameterName().Matches(sql).Select(m => m.Value).Distinct(StringComparer.Ordinal)
            .Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name }))];
        command.Prepare();
    }

    /// <summary>Executes with values in the order the parameters first appear in the SQL; returns the rows changed.</summary>
    public int Execute(params ReadOnlySpan<object?> values)
    {
        Bind(values);
        return command.ExecuteNonQuery();
    }

    /// <summary>Executes a query with values in the order the parameters first appear in the SQL.</summary>
    public SqliteDataReader Query(params ReadOnlySpan<object?> values)
    {
        Bind(values);
        return command.ExecuteReader();
    }

    public void Dispose() => command.Dispose();

    private void Bind(ReadOnlySpan<object?> values)
    {
        if (values.Length != parameters.Length)
        {
            throw new ArgumentException($"Expected {parameters.Length} values, got {values.Length}.", nameof(values));
        }

        for (int i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    [GeneratedRegex(@"\$[a-z_0-9]+")]
    private static partial Regex ParameterName();
}
