using Memento.Domain.Data;
using Memento.Domain.Data.Migrations;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Support;

/// <summary>
/// A fresh, uniquely named, empty database on one provider plus a private data directory, removed on dispose.
/// Each test gets its own, so tests run in parallel without seeing each other's rows.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string? connectionString, string root, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Root = root;
        DataDirectory = Path.Combine(root, "data");
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    /// <summary>The MEMENTO_DATABASE value for this database (null for SQLite in <see cref="DataDirectory"/>).</summary>
    public string? ConnectionString { get; }
    /// <summary>Temporary folder holding <see cref="DataDirectory"/>; everything under it is deleted on dispose.</summary>
    public string Root { get; }
    public string DataDirectory { get; }
    /// <summary>The PostgreSQL database name; null on SQLite.</summary>
    public string? PostgresName => _postgresName;

    /// <summary>An empty database (no tables), or on PostgreSQL a copy of <paramref name="postgresTemplate"/>.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string? postgresTemplate = null)
    {
        if (provider == DatabaseProvider.Sqlite) return new TestDatabase(provider, null, NewRoot(), null);
        var name = "memento_test_" + Guid.NewGuid().ToString("N");
        var connectionString = await TestPostgres.CreateDatabaseAsync(name, postgresTemplate);
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, NewRoot(), name);
    }

    /// <summary>A database with Memento's migrations applied, as a server would have it after start-up.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider)
    {
        var database = await CreateAsync(provider);
        await using var db = database.Context();
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        return database;
    }

    private static string NewRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "memento-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return root;
    }

    /// <summary>A new context on this database, configured exactly as the server configures its own.</summary>
    public MementoDbContext Context(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<MementoDbContext>();
        MementoDatabase.Configure(options, ConnectionString, DataDirectory);
        // Tests that count or read the SQL a request sends add a recording interceptor.
        if (interceptors.Length > 0) options.AddInterceptors(interceptors);
        return new MementoDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        // SQLite pools connections per file; release them so the file can be deleted.
        if (Provider == DatabaseProvider.Sqlite)
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(new Microsoft.Data.Sqlite.SqliteConnection(
                MementoDatabase.SqliteConnectionString(Path.Combine(Path.GetFullPath(DataDirectory), MementoDatabase.SqliteFileName))));
        if (_postgresName is not null) await TestPostgres.DropDatabaseAsync(_postgresName);
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a leftover temp folder must not fail the test that used it */ }
    }
}
