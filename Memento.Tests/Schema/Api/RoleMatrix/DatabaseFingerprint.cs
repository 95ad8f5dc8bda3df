using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Memento.Tests.Schema.Api.RoleMatrix;

/// <summary>
/// Every table's row count and a hash of all its rows and columns: two fingerprints are equal exactly when no row
/// was added, removed or changed anywhere, so a refused mutation can be shown to have changed nothing at all.
/// </summary>
public sealed record DatabaseFingerprint(IReadOnlyDictionary<string, (int Rows, string Hash)> Tables)
{
    public static async Task<DatabaseFingerprint> ReadAsync(string sqliteFile)
    {
        await using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = sqliteFile, Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var result = new SortedDictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var table in tables) result[table] = await TableAsync(connection, table);
        return new DatabaseFingerprint(result);
    }

    private static async Task<(int, string)> TableAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"")}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
                row.Append(reader.GetName(i)).Append('=').Append(Render(reader.GetValue(i))).Append('\u001f');
            rows.Add(row.ToString());
        }
        rows.Sort(StringComparer.Ordinal); // row order is not data
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))));
        return (rows.Count, hash);
    }

    private static string Render(object value) => value switch
    {
        DBNull => "\u2400",
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The tables whose rows differ, with their row counts before and after ("" when equal).</summary>
    public string Differences(DatabaseFingerprint after)
    {
        var changed = Tables.Keys.Union(after.Tables.Keys)
            .Where(t => Tables.GetValueOrDefault(t) != after.Tables.GetValueOrDefault(t))
            .Select(t => $"{t} ({Tables.GetValueOrDefault(t).Rows} → {after.Tables.GetValueOrDefault(t).Rows} rows)");
        return string.Join(", ", changed);
    }
}
