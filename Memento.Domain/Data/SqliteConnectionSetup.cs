using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Memento.Domain.Data;

/// <summary>
/// Runs the per-connection SQLite pragmas on every connection EF Core opens: busy_timeout and foreign_keys are
/// connection state and would silently be off on a connection that skipped them.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    // journal_mode=WAL persists in the file, but asking again is cheap and repairs a file created elsewhere.
    private const string Pragmas = "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        AddFunctions(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        AddFunctions(connection);
    }

    // SQLite's own lower() folds ASCII only; the dataset search's case-insensitive title match ("Élan" ~ "élan")
    // needs the same Unicode lowering as the .NET side that folds the query text.
    private static void AddFunctions(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
            sqlite.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
    }
}
