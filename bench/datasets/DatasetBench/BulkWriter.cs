using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DatasetBench;

/// <summary>
/// Writes generated rows as fast as each engine takes them: PostgreSQL's COPY (CSV text), SQLite's prepared INSERT
/// in one transaction. Values are written as the model stores them (enums as their codes, DateTimeOffset as
/// timestamptz on PostgreSQL and UTC ticks on SQLite).
/// </summary>
internal abstract class BulkWriter
{
    public abstract Task WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows);

    public static BulkWriter For(DbConnection connection) => connection switch
    {
        NpgsqlConnection pg => new PostgresCopy(pg),
        SqliteConnection lite => new SqliteInserts(lite),
        _ => throw new NotSupportedException(connection.GetType().Name),
    };

    private static string Quote(string name) => "\"" + name + "\"";

    private sealed class PostgresCopy(NpgsqlConnection connection) : BulkWriter
    {
        public override async Task WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows)
        {
            var sql = $"COPY {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) FROM STDIN (FORMAT csv)";
            await using (var writer = await connection.BeginTextImportAsync(sql))
            {
                var line = new StringBuilder();
                foreach (var row in rows)
                {
                    for (var i = 0; i < row.Length; i++)
                    {
                        if (i > 0) line.Append(',');
                        line.Append(Csv(row[i]));
                    }
                    line.Append('\n');
                    // One write per megabyte, not per row: the per-call overhead dominated at millions of rows.
                    if (line.Length > 1 << 20)
                    {
                        await writer.WriteAsync(line.ToString());
                        line.Clear();
                    }
                }
                await writer.WriteAsync(line.ToString());
            }
            // Explicit ids were written: move the identity past them.
            if (columns.Contains("Id"))
            {
                await using var fix = new NpgsqlCommand(
                    $"SELECT setval(pg_get_serial_sequence('{Quote(table)}', 'Id'), COALESCE(MAX(\"Id\"), 1)) FROM {Quote(table)}", connection);
                try { await fix.ExecuteScalarAsync(); } catch (PostgresException) { /* text keys have no sequence */ }
            }
        }

        private static string Csv(object? value) => value switch
        {
            null => "",
            bool b => b ? "t" : "f",
            DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff+00", CultureInfo.InvariantCulture),
            string s => "\"" + s.Replace("\"", "\"\"") + "\"",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

    private sealed class SqliteInserts(SqliteConnection connection) : BulkWriter
    {
        public override async Task WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows)
        {
            await using var transaction = connection.BeginTransaction();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) " +
                                  $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
            command.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                    parameters[i].Value = row[i] switch
                    {
                        null => DBNull.Value,
                        bool b => b ? 1 : 0,
                        DateTimeOffset d => d.UtcTicks,
                        var v => v,
                    };
                await command.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
    }
}
