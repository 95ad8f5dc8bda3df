using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Memento.Domain.Data.Migrations;

/// <summary>
/// Applies Memento's SQL migrations (embedded resources Data/Migrations/{Sqlite,Postgres}/NNNN_name.sql) in
/// order, recording each in <c>__memento_migrations</c>. Our own because EF Core's design-time tooling is not
/// available; plain SQL files also make every schema change reviewable per provider.
/// </summary>
/// <remarks>
/// To change the schema: change the model, run the migration tests with MEMENTO_UPDATE_MIGRATIONS=1 (this
/// rewrites schema.sql, the model's full create script, so the diff shows what changed), then add the next
/// NNNN_name.sql per provider by hand. The drift test fails until the migrated schema equals the model.
/// </remarks>
public static class DatabaseMigrator
{
    /// <summary>The history table: one row per applied migration.</summary>
    public const string HistoryTable = "__memento_migrations";

    // Any constant works; it only has to be the same for every Memento instance sharing the database.
    private const long PostgresLockKey = 0x4D656D656E746F; // "Memento"

    /// <summary>Applies every migration the database has not seen yet, all in one transaction.</summary>
    public static async Task MigrateAsync(MementoDbContext db, CancellationToken ct)
    {
        var provider = db.Provider;
        var migrations = MigrationScripts.For(provider);
        var database = db.Database;
        await database.OpenConnectionAsync(ct);
        try
        {
            // On SQLite Microsoft.Data.Sqlite begins IMMEDIATE, taking the write lock up front, so a second
            // process waits (busy timeout) instead of applying the same scripts.
            await using var transaction = await database.BeginTransactionAsync(ct);
            var connection = database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();
            if (provider == DatabaseProvider.Postgres)
                // Several instances starting together: the first migrates, the others wait and then find nothing to do.
                await ExecuteAsync(connection, dbTransaction, $"SELECT pg_advisory_xact_lock({PostgresLockKey});", ct);

            await ExecuteAsync(connection, dbTransaction, CreateHistoryTableSql(provider), ct);
            var applied = await AppliedAsync(connection, dbTransaction, ct);
            foreach (var migration in migrations)
            {
                if (applied.Contains(migration.Id)) continue;
                await ExecuteAsync(connection, dbTransaction, migration.Sql, ct);
                await RecordAsync(connection, dbTransaction, migration.Id, ct);
            }
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>The ids of migrations already applied to the database, in order; empty before the first run.</summary>
    public static async Task<IReadOnlyList<string>> AppliedMigrationsAsync(MementoDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await ExecuteAsync(connection, null, CreateHistoryTableSql(db.Provider), ct);
            return (await AppliedAsync(connection, null, ct)).Order(StringComparer.Ordinal).ToList();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The applied time is text (ISO 8601) so the table reads the same on both providers.
    private static string CreateHistoryTableSql(DatabaseProvider provider) =>
        $"CREATE TABLE IF NOT EXISTS \"{HistoryTable}\" (\"Id\" {(provider == DatabaseProvider.Postgres ? "varchar(150)" : "TEXT")} NOT NULL PRIMARY KEY, \"AppliedAt\" {(provider == DatabaseProvider.Postgres ? "varchar(40)" : "TEXT")} NOT NULL);";

    private static async Task<HashSet<string>> AppliedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT \"Id\" FROM \"{HistoryTable}\";";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }

    private static async Task RecordAsync(DbConnection connection, DbTransaction transaction, string id, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{HistoryTable}\" (\"Id\", \"AppliedAt\") VALUES (@id, @at);";
        AddParameter(command, "@id", id);
        // Wall time on purpose: when a migration ran is a fact about the server, not about the domain's (testable) clock.
        AddParameter(command, "@at", DateTimeOffset.UtcNow.ToString("O"));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        // Large scripts on a slow disk must not hit the default 30 s command timeout mid-migration.
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(ct);
    }
}
