using Memento.Domain.Data;
using Memento.Domain.Data.Migrations;
using Microsoft.Data.Sqlite;

namespace Memento.Tests.Schema.Api.RoleMatrix;

/// <summary>
/// The seeded world as one SQLite file, made once per test run. Migrating and seeding (with real password hashes)
/// takes far longer than copying a file, and the matrix has about a thousand cases, each needing a pristine world.
/// </summary>
public static class MatrixTemplate
{
    private static readonly Lazy<Task<(MatrixWorld World, string File)>> Template = new(CreateAsync);

    public static Task<(MatrixWorld World, string File)> GetAsync() => Template.Value;

    private static async Task<(MatrixWorld, string)> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "memento-tests", "role-matrix-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        // Shared by every case of the run, so it outlives them all; removed when the test process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); }
            catch (IOException) { /* the OS cleans its temp folder */ }
        };
        MatrixWorld world;
        await using (var db = MatrixCase.Context(directory))
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            world = await MatrixWorld.SeedAsync(db);
        }
        var file = Path.Combine(directory, MementoDatabase.SqliteFileName);
        // Closing the last pooled connection checkpoints the WAL into the file, so the file alone is the world.
        SqliteConnection.ClearPool(new SqliteConnection(MementoDatabase.SqliteConnectionString(file)));
        await using (var connection = new SqliteConnection(MementoDatabase.SqliteConnectionString(file) + ";Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        return (world, file);
    }
}
