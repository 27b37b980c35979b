using Npgsql;

namespace Affiliates.PostgreSql;

/// <summary>Builds commands with positional parameters (<c>$1</c>, <c>$2</c>, …) from plain values.</summary>
internal static class PostgreSqlCommands
{
    public static NpgsqlCommand Create(NpgsqlConnection connection, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        AddParameters(command.Parameters, values);
        return command;
    }

    public static NpgsqlBatchCommand CreateBatchCommand(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddParameters(command.Parameters, values);
        return command;
    }

    // A null goes as an untyped NULL, so the server infers its type from the column it lands in.
    private static void AddParameters(NpgsqlParameterCollection parameters, object?[] values)
    {
        foreach (object? value in values)
        {
            parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }
}
