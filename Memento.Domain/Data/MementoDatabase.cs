using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Memento.Domain.Data;

/// <summary>Chooses and configures the database from the MEMENTO_DATABASE setting.</summary>
public static class MementoDatabase
{
    /// <summary>The SQLite file name used inside the data directory.</summary>
    public const string SqliteFileName = "memento.db";

    /// <summary>
    /// Empty means SQLite in the data directory; "Host=..." or a postgres:// / postgresql:// URL means PostgreSQL.
    /// </summary>
    public static DatabaseProvider DetectProvider(string? connectionString)
    {
        var value = connectionString?.Trim() ?? "";
        if (value.Length == 0) return DatabaseProvider.Sqlite;
        if (IsPostgresUrl(value) || value.StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
            return DatabaseProvider.Postgres;
        throw new ArgumentException(
            "MEMENTO_DATABASE must be empty (SQLite in the data directory), a PostgreSQL connection string " +
            "starting with 'Host=', or a postgres:// URL.", nameof(connectionString));
    }

    /// <summary>Configures <paramref name="options"/> for the database the setting names; returns which one.</summary>
    public static DatabaseProvider Configure(DbContextOptionsBuilder options, string? connectionString, string dataDirectory)
    {
        var provider = DetectProvider(connectionString);
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Path.GetFullPath(dataDirectory);
            Directory.CreateDirectory(directory);
            options.UseSqlite(SqliteConnectionString(Path.Combine(directory, SqliteFileName)));
            options.AddInterceptors(new SqliteConnectionSetup());
        }
        else
        {
            options.UseNpgsql(PostgresConnectionString(connectionString!.Trim()));
        }
        return provider;
    }

    /// <summary>Connection string for a SQLite file; foreign keys are also forced by <see cref="SqliteConnectionSetup"/>.</summary>
    public static string SqliteConnectionString(string file) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        ForeignKeys = true,
        // Microsoft.Data.Sqlite retries a busy database until the command timeout; keep it near busy_timeout.
        DefaultTimeout = 5,
    }.ToString();

    /// <summary>Npgsql accepts only keyword strings, so URLs (as Docker and hosting providers hand out) are translated.</summary>
    public static string PostgresConnectionString(string value)
    {
        if (!IsPostgresUrl(value)) return value;
        var uri = new Uri(value);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : null,
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return builder.ToString();
    }

    private static bool IsPostgresUrl(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);
}
