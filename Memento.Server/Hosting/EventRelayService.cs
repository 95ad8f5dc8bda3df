using Memento.Domain.Data;
using Memento.Domain.Events;
using Memento.Server.Jobs;
using Microsoft.Extensions.Options;

namespace Memento.Server.Hosting;

/// <summary>
/// Live events reach the other server instances through the database on PostgreSQL (LISTEN/NOTIFY, see
/// <see cref="PostgresEventRelay"/>), for the life of the server. A SQLite server is a single instance: its
/// in-process hub is all there is, and this service does nothing.
/// </summary>
public sealed class EventRelayService(IServiceProvider services, IOptions<MementoOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var database = options.Value.Database;
        if (MementoDatabase.DetectProvider(database) != DatabaseProvider.Postgres) return Task.CompletedTask;
        var relay = new PostgresEventRelay(services.GetRequiredService<EventHub>(),
            MementoDatabase.PostgresConnectionString(database!.Trim()),
            services.GetService<InstanceIdentity>()?.Owner ?? Guid.NewGuid().ToString("N"),
            services.GetService<ILogger<PostgresEventRelay>>());
        return relay.RunAsync(stoppingToken);
    }
}
