using System.Text;
using Microsoft.Data.Sqlite;

namespace Affiliates.Cli.Tests;

/// <summary>Every row of every table of an SQLite file, as text: what "the database is unchanged" compares.</summary>
internal static class DatabaseDump
{
    public static string Of(string path)
    {
        var dump = new StringBuilder();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            connection.Open();
            var tables = new List<string>();
            using (SqliteCommand list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name";
                using SqliteDataReader reader = list.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                    dump.AppendLine(reader.GetString(1));
                }
            }

            foreach (string table in tables)
            {
                using SqliteCommand rows = connection.CreateCommand();
                rows.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
                using SqliteDataReader reader = rows.ExecuteReader();
                while (reader.Read())
                {
                    dump.Append(table).Append(':');
                    for (int i = 0; i < reader.FieldCount; i++)
                    {
                        object value = reader.GetValue(i);
                        dump.Append(' ').Append(value switch
                        {
                            DBNull => "null",
                            byte[] bytes => Convert.ToHexString(bytes),
                            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                        });
                    }

                    dump.AppendLine();
                }
            }
        }

        return dump.ToString();
    }
}
