using Memento.Domain.Data;
using Memento.Domain.Events;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Npgsql;

namespace Memento.Tests.Domain.Events;

/// <summary>
/// Two server instances on one PostgreSQL database, each with its own hub and relay on its own connections: an
/// event published on one reaches the other's subscribers exactly once, and the publisher's own subscribers once.
/// </summary>
public sealed class PostgresEventRelayTests
{
    private sealed record Instance(EventHub Hub, PostgresEventRelay Relay, Task Running);

    private static Instance Start(string connectionString, string name, CancellationToken ct)
    {
        var hub = new EventHub();
        var relay = new PostgresEventRelay(hub, connectionString, name);
        return new Instance(hub, relay, relay.RunAsync(ct));
    }

    private static async Task<List<ImageProgressChanged>> ReadUntil(IAsyncEnumerable<ImageProgressChanged> stream, int lastPercent)
    {
        var seen = new List<ImageProgressChanged>();
        await foreach (var e in stream)
        {
            seen.Add(e);
            if (e.ProgressPercent == lastPercent) break;
        }
        return seen;
    }

    // PostgreSQL only (SQLite has one instance, whose hub is the whole story): runs whenever the PostgreSQL leg is
    // configured, and fails when it is required but missing (TestPostgres).
    [Fact]
    public async Task An_event_published_on_one_instance_reaches_the_other_once()
    {
        if (!TestPostgres.IsInPlay) return;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var a = Start(database.ConnectionString!, "a", stop.Token);
        var b = Start(database.ConnectionString!, "b", stop.Token);
        await Task.WhenAll(a.Relay.Listening, b.Relay.Listening).WaitAsync(stop.Token);

        var onA = a.Hub.Subscribe<ImageProgressChanged>(e => e.ImageId == 9, stop.Token);
        var onB = b.Hub.Subscribe<ImageProgressChanged>(e => e.ImageId == 9, stop.Token);
        a.Hub.Publish(new ImageProgressChanged(1, 9, ImageProcessingState.Processing, 40));
        b.Hub.Publish(new ImageProgressChanged(1, 9, ImageProcessingState.Ready, 100));

        // Each side sees its own event at once and the other's through the database; none twice.
        var seenOnA = await ReadUntil(onA, 100).WaitAsync(stop.Token);
        var seenOnB = await ReadUntil(onB, 40).WaitAsync(stop.Token);
        Assert.Equal([40, 100], seenOnA.Select(e => e.ProgressPercent));
        Assert.Equal([100, 40], seenOnB.Select(e => e.ProgressPercent));
        Assert.Equal(ImageProcessingState.Processing, seenOnB[1].State);

        // A marker round-trip after both: had either event been delivered twice, it would arrive before the marker.
        var laterOnA = a.Hub.Subscribe<ImageProgressChanged>(e => e.ImageId == 9, stop.Token);
        b.Hub.Publish(new ImageProgressChanged(1, 9, ImageProcessingState.Ready, 77));
        Assert.Equal([77], (await ReadUntil(laterOnA, 77).WaitAsync(stop.Token)).Select(e => e.ProgressPercent));

        await stop.CancelAsync();
        await Task.WhenAll(a.Running, b.Running).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task After_its_connection_is_killed_the_relay_listens_again_and_asks_subscribers_to_recheck_access()
    {
        if (!TestPostgres.IsInPlay) return;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var a = Start(database.ConnectionString!, "a", stop.Token);
        var b = Start(database.ConnectionString!, "b", stop.Token);
        await Task.WhenAll(a.Relay.Listening, b.Relay.Listening).WaitAsync(stop.Token);
        var recheck = b.Hub.Subscribe<AccessChanged>(e => e.ProjectId == 0, stop.Token).GetAsyncEnumerator(stop.Token);

        // Kill b's listening session from outside, as a database restart or a network cut would.
        await using (var admin = new NpgsqlConnection(database.ConnectionString))
        {
            await admin.OpenAsync(stop.Token);
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() " +
                "AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'", admin);
            await kill.ExecuteNonQueryAsync(stop.Token);
        }
        Assert.True(await recheck.MoveNextAsync()); // the relay reconnected (both did: a's session was killed too)

        var onB = b.Hub.Subscribe<ImageProgressChanged>(_ => true, stop.Token);
        a.Hub.Publish(new ImageProgressChanged(1, 9, ImageProcessingState.Processing, 55));
        Assert.Equal(55, (await ReadUntil(onB, 55).WaitAsync(stop.Token)).Single().ProgressPercent);
        await stop.CancelAsync();
        await Task.WhenAll(a.Running, b.Running).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
