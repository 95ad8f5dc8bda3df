using Memento.Schema.Data.Conversions;
using Memento.Schema.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Data;

/// <summary>The one EF Core context for Memento's data, on SQLite or PostgreSQL.</summary>
public class MementoDbContext(DbContextOptions<MementoDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>Which engine this context talks to.</summary>
    public DatabaseProvider Provider => Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // One time representation per provider for every DateTimeOffset, so ordering and comparison work in SQL.
        if (Provider == DatabaseProvider.Sqlite)
            configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        else
            configuration.Properties<DateTimeOffset>().HaveConversion<UtcNormalizingConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model) =>
        model.ApplyConfigurationsFromAssembly(typeof(MementoDbContext).Assembly);
}
