using System.Data.Common;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Memento.Domain.Services.Regions;

/// <summary>
/// Inserts many regions in the current transaction with multi-row INSERT statements. EF's change tracker costs
/// seconds for the 100,000 regions of an imported cell segmentation; this takes a fraction of that. Column names
/// and value conversions come from the EF model, so both providers store exactly what EF would.
/// </summary>
internal static class RegionRows
{
    // 7 parameters a row: 500 rows stay far below SQLite's (32,766) and PostgreSQL's (65,535) parameter limits.
    private const int RowsPerStatement = 500;

    private static readonly string[] Properties =
        [nameof(Region.LayerId), nameof(Region.Shape), nameof(Region.GeometryJson), nameof(Region.StyleJson),
         nameof(Region.ObjectTypeId), nameof(Region.CreatedById), nameof(Region.CreatedAt)];

    public static async Task InsertAsync(MementoDbContext db, IReadOnlyList<Region> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(Region))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = Properties.Select(p => entity.FindProperty(p)!).ToArray();
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // SQLite runs in-process: one prepared single-row statement, re-bound per row, is its fastest path
            // (no SQL text to build, no statement with thousands of parameters to bind by name).
            await using var single = connection.CreateCommand();
            single.Transaction = transaction;
            single.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({string.Join(", ", properties.Select((_, p) => $"@p{p}"))});";
            for (var p = 0; p < properties.Length; p++) Add(single, $"@p{p}", properties[p], null);
            await single.PrepareAsync(ct);
            foreach (var region in rows)
            {
                for (var p = 0; p < properties.Length; p++)
                {
                    var mapping = properties[p].GetRelationalTypeMapping();
                    var value = properties[p].PropertyInfo!.GetValue(region);
                    single.Parameters[p].Value = (value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value)
                        ?? DBNull.Value;
                }
                await single.ExecuteNonQueryAsync(ct);
            }
            return;
        }
        // PostgreSQL is a round trip away: multi-row statements.
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var values = new System.Text.StringBuilder();
            for (var i = 0; i < count; i++)
            {
                var region = rows[start + i];
                values.Append(i == 0 ? "(" : ", (");
                for (var p = 0; p < properties.Length; p++)
                {
                    var name = $"@p{i}_{p}";
                    if (p > 0) values.Append(", ");
                    values.Append(name);
                    Add(command, name, properties[p], properties[p].PropertyInfo!.GetValue(region));
                }
                values.Append(')');
            }
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES {values};";
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static void Add(DbCommand command, string name, IProperty property, object? value)
    {
        // The mapping's CreateParameter applies the property's value converter (enum names, UTC ticks).
        command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
    }
}
