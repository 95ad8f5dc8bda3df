using Npgsql;

namespace Memento.Tests.Support;

/// <summary>
/// The PostgreSQL server for the data tests. MEMENTO_TEST_POSTGRES holds an Npgsql connection string to a server
/// where the tests may CREATE DATABASE; MEMENTO_REQUIRE_POSTGRES=1 (set by the test command) turns a missing
/// server into failures instead of a silently skipped leg.
/// </summary>
public static class TestPostgres
{
    public const string ConnectionVariable = "MEMENTO_TEST_POSTGRES";
    public const string RequireVariable = "MEMENTO_REQUIRE_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value ? value : null;

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Whether PostgreSQL cases are generated: when a server is configured, or required (and then fail).</summary>
    public static bool IsInPlay => ConnectionString is not null || IsRequired;

    /// <summary>The configured connection string, or a failure that says how to provide one.</summary>
    public static string RequireConnectionString() => ConnectionString ?? throw new InvalidOperationException(
        $"{RequireVariable}=1 but {ConnectionVariable} is not set. Set {ConnectionVariable} to an Npgsql connection " +
        "string for a PostgreSQL server where the tests may CREATE DATABASE, e.g. " +
        "\"Host=127.0.0.1;Port=5432;Username=postgres\".");

    /// <summary>
    /// Creates a database with a unique name and returns its connection string: empty, or a copy of
    /// <paramref name="template"/> (copying is much faster than running the migrations again).
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string name, string? template = null)
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString());
        await admin.OpenAsync();
        var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    /// <summary>Connection string for one of the test databases; unpooled, so nothing holds it open after use.</summary>
    public static string ConnectionStringFor(string name) =>
        new NpgsqlConnectionStringBuilder(RequireConnectionString()) { Database = name, Pooling = false }.ToString();

    /// <summary>Drops a database created by <see cref="CreateDatabaseAsync"/>, even if a connection lingers.</summary>
    public static async Task DropDatabaseAsync(string name)
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString());
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await command.ExecuteNonQueryAsync();
    }

    // CREATE/DROP DATABASE run from the maintenance database unless the string names one.
    private static string AdminConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder(RequireConnectionString()) { Pooling = false };
        if (string.IsNullOrEmpty(builder.Database)) builder.Database = "postgres";
        return builder.ToString();
    }
}
