using System.Data.Common;
using System.Text.RegularExpressions;
using Memento.Domain.Data;
using Memento.Domain.Data.Migrations;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Support;

/// <summary>
/// A sorted, line-per-fact text of a database's tables, columns, indexes, keys, foreign keys, check constraints
/// and seeded rows, read from the catalog, so two databases can be compared by string. Column order is ignored
/// (a column added later by ALTER TABLE lands at the end, which is not drift).
/// </summary>
public static partial class SchemaDescription
{
    public static async Task<string> ReadAsync(MementoDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            var lines = db.Provider == DatabaseProvider.Sqlite ? await SqliteAsync(connection) : await PostgresAsync(connection);
            lines.Add("seed Licences: " + string.Join(", ", await db.Licences.Select(l => l.Id).OrderBy(i => i).ToListAsync()));
            lines.Add("seed Natures: " + string.Join(", ", await db.Natures.Select(n => n.Id).OrderBy(i => i).ToListAsync()));
            return string.Join("\n", lines.Order(StringComparer.Ordinal)) + "\n";
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<string>> SqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await RowsAsync(connection,
            $"SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{DatabaseMigrator.HistoryTable}'");
        foreach (var table in tables)
        {
            var name = (string)table[0]!;
            foreach (var c in await RowsAsync(connection, $"PRAGMA table_info(\"{name}\")"))
                lines.Add($"{name} column {c[1]} {c[2]} notnull={c[3]} default={c[4] ?? "none"} pk={c[5]}");
            foreach (var i in await RowsAsync(connection, $"PRAGMA index_list(\"{name}\")"))
            {
                var columns = (await RowsAsync(connection, $"PRAGMA index_info(\"{i[1]}\")")).Select(r => r[2]);
                var sql = await ScalarAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{i[1]}'");
                var where = sql is string s && s.Contains(" WHERE ") ? s[s.IndexOf(" WHERE ", StringComparison.Ordinal)..] : "";
                lines.Add($"{name} index {i[1]} unique={i[2]} ({string.Join(", ", columns)}){where}");
            }
            foreach (var fk in (await RowsAsync(connection, $"PRAGMA foreign_key_list(\"{name}\")")).GroupBy(r => r[0]))
                lines.Add($"{name} foreign key ({string.Join(", ", fk.Select(r => r[3]))}) -> {fk.First()[2]} " +
                          $"({string.Join(", ", fk.Select(r => r[4]))}) on delete {fk.First()[6]}");
            // SQLite has no catalog of check constraints; they live only in the table's CREATE statement.
            foreach (Match check in CheckConstraint().Matches((string)table[1]!))
                lines.Add($"{name} check {check.Groups[1].Value} {check.Groups[2].Value.Trim()}");
        }
        return lines;
    }

    private static async Task<List<string>> PostgresAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var history = DatabaseMigrator.HistoryTable;
        foreach (var c in await RowsAsync(connection,
                     "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default, is_identity " +
                     $"FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '{history}'"))
            lines.Add($"{c[0]} column {c[1]} {c[2]}({c[3] ?? "-"}) nullable={c[4]} default={c[5] ?? "none"} identity={c[6]}");
        foreach (var i in await RowsAsync(connection,
                     $"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '{history}'"))
            lines.Add($"{i[0]} index {i[1]} {i[2]}");
        foreach (var k in await RowsAsync(connection,
                     "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint " +
                     $"WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%{history}%'"))
            lines.Add($"{k[0]} constraint {k[1]} {k[2]}");
        return lines;
    }

    private static async Task<List<object?[]>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [GeneratedRegex("CONSTRAINT \"(\\w+)\" CHECK (.+?),?\\r?$", RegexOptions.Multiline)]
    private static partial Regex CheckConstraint();
}
