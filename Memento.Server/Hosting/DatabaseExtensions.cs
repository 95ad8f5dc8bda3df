using Memento.Domain.Data;
using Memento.Domain.Data.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Memento.Server.Hosting;

/// <summary>The database: SQLite in the data directory unless MEMENTO_DATABASE names PostgreSQL.</summary>
public static class DatabaseExtensions
{
    public static WebApplicationBuilder AddMementoDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddDbContext<MementoDbContext>((services, db) =>
        {
            var options = services.GetRequiredService<IOptions<MementoOptions>>().Value;
            MementoDatabase.Configure(db, options.Database, options.DataPath);
        });
        builder.Services.AddHostedService<StartupTasks>();
        builder.Services.AddHostedService<EventRelayService>();
        return builder;
    }

    /// <summary>Brings the schema up to date unless MEMENTO_APPLY_MIGRATIONS=false.</summary>
    public static async Task MigrateMementoDatabaseAsync(this IServiceProvider services, CancellationToken ct)
    {
        if (!services.GetRequiredService<IOptions<MementoOptions>>().Value.ApplyMigrations) return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MementoDbContext>();
        await DatabaseMigrator.MigrateAsync(db, ct);
    }
}
