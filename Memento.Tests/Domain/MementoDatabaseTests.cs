using Memento.Domain.Data;

namespace Memento.Tests.Domain;

/// <summary>MEMENTO_DATABASE picks the engine: empty for SQLite, a PostgreSQL string or URL otherwise.</summary>
public class MementoDatabaseTests
{
    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("   ", DatabaseProvider.Sqlite)]
    [InlineData("Host=db;Username=memento", DatabaseProvider.Postgres)]
    [InlineData("host=db", DatabaseProvider.Postgres)] // keywords are case-insensitive in Npgsql too
    [InlineData("postgres://memento@db/memento", DatabaseProvider.Postgres)]
    [InlineData("postgresql://memento@db/memento", DatabaseProvider.Postgres)]
    public void The_setting_selects_the_provider(string? setting, DatabaseProvider expected) =>
        Assert.Equal(expected, MementoDatabase.DetectProvider(setting));

    [Theory]
    [InlineData("Server=db;Database=memento")] // a MySQL/SQL Server string: not supported, say so
    [InlineData("mysql://db/memento")]
    public void An_unsupported_setting_is_refused_with_an_explanation(string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => MementoDatabase.DetectProvider(setting));
        Assert.Contains("MEMENTO_DATABASE", error.Message);
    }

    [Fact]
    public void A_postgres_url_becomes_an_npgsql_connection_string()
    {
        var converted = new Npgsql.NpgsqlConnectionStringBuilder(
            MementoDatabase.PostgresConnectionString("postgres://memento:p%40ss@db.example:5433/images?sslmode=require"));
        Assert.Equal("db.example", converted.Host);
        Assert.Equal(5433, converted.Port);
        Assert.Equal("memento", converted.Username);
        Assert.Equal("p@ss", converted.Password);
        Assert.Equal("images", converted.Database);
        Assert.Equal(Npgsql.SslMode.Require, converted.SslMode);
    }

    [Fact]
    public void A_postgres_url_without_port_uses_the_default_port()
    {
        var converted = new Npgsql.NpgsqlConnectionStringBuilder(MementoDatabase.PostgresConnectionString("postgresql://u@db/x"));
        Assert.Equal(5432, converted.Port);
    }
}
