using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Memento.Domain.Events;

/// <summary>
/// Carries events between server instances sharing one PostgreSQL database. Every instance LISTENs on
/// <see cref="ChannelName"/> on a dedicated connection; what this instance publishes is also sent with
/// <c>pg_notify</c>, tagged with <see cref="InstanceId"/> so it is not delivered here twice; events of other
/// instances are delivered to this process's subscribers. A lost connection is reopened with a growing delay; the
/// events sent meanwhile are lost, so on reconnecting an <see cref="AccessChanged.Everywhere"/> is delivered locally
/// and subscriptions check their callers' access again. SQLite has no such channel: there, one instance serves
/// everything and events stay in its process.
/// </summary>
public sealed class PostgresEventRelay
{
    public const string ChannelName = "memento_events";

    /// <summary>PostgreSQL refuses NOTIFY payloads of 8000 bytes and more; events are far smaller.</summary>
    public const int MaxPayloadBytes = 7900;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1), LongestRetry = TimeSpan.FromSeconds(30);

    private readonly EventHub hub;
    private readonly string connectionString;
    private readonly ILogger log;
    private readonly Channel<DomainEvent> outgoing = Channel.CreateBounded<DomainEvent>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PostgresEventRelay(EventHub hub, string connectionString, string instanceId, ILogger<PostgresEventRelay>? log = null)
    {
        this.hub = hub;
        this.connectionString = connectionString;
        InstanceId = instanceId;
        this.log = log ?? NullLogger<PostgresEventRelay>.Instance;
        hub.Outgoing = e => outgoing.Writer.TryWrite(e);
    }

    /// <summary>Tags this instance's notifications.</summary>
    public string InstanceId { get; }

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before publishing).</summary>
    public Task Listening => listening.Task;

    /// <summary>Listens and sends until <paramref name="ct"/> is cancelled; never throws otherwise.</summary>
    public Task RunAsync(CancellationToken ct) => Task.WhenAll(ListenAsync(ct), SendAsync(ct));

    private async Task ListenAsync(CancellationToken ct)
    {
        var retry = FirstRetry;
        var reconnect = false;
        // Its own unpooled connection: a LISTENing session must not go back to a pool.
        var dedicated = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ToString();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(dedicated);
                await connection.OpenAsync(ct);
                connection.Notification += (_, args) => Receive(args.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                if (reconnect)
                {
                    log.LogInformation("Listening for other instances' events again.");
                    hub.Deliver(AccessChanged.Everywhere);
                }
                listening.TrySetResult();
                retry = FirstRetry;
                reconnect = true;
                while (true) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Lost the event channel to the database; listening again in {Seconds} s.", retry.TotalSeconds);
                reconnect = true;
                try { await Task.Delay(retry, ct); }
                catch (OperationCanceledException) { return; }
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
            }
        }
    }

    private async Task SendAsync(CancellationToken ct)
    {
        var retry = FirstRetry;
        await using var source = NpgsqlDataSource.Create(connectionString);
        try
        {
            while (await outgoing.Reader.WaitToReadAsync(ct))
            {
                while (outgoing.Reader.TryPeek(out var e))
                {
                    var payload = Serialize(e);
                    if (payload is null)
                    {
                        outgoing.Reader.TryRead(out _);
                        continue;
                    }
                    try
                    {
                        await using var command = source.CreateCommand("SELECT pg_notify(@channel, @payload)");
                        command.Parameters.AddWithValue("channel", ChannelName);
                        command.Parameters.AddWithValue("payload", payload);
                        await command.ExecuteNonQueryAsync(ct);
                        outgoing.Reader.TryRead(out _);
                        retry = FirstRetry;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // The event stays first in the queue and is sent once the database answers again.
                        log.LogWarning(ex, "Could not send an event to the other instances; retrying in {Seconds} s.", retry.TotalSeconds);
                        await Task.Delay(retry, ct);
                        retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    private string? Serialize(DomainEvent e)
    {
        var payload = JsonSerializer.Serialize(new Envelope(InstanceId, e), Json);
        if (Encoding.UTF8.GetByteCount(payload) < MaxPayloadBytes) return payload;
        log.LogWarning("An event of type {Type} is too large to send to other instances ({Bytes} bytes); only this instance sees it.",
            e.GetType().Name, Encoding.UTF8.GetByteCount(payload));
        return null;
    }

    private void Receive(string payload)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(payload, Json);
            if (envelope is null || envelope.From == InstanceId || envelope.Event is null) return;
            hub.Deliver(envelope.Event);
        }
        catch (JsonException e)
        {
            // Someone else's NOTIFY on our channel, or a newer instance's event type: skip it.
            log.LogWarning(e, "Skipped an unreadable event notification.");
        }
    }

    private sealed record Envelope(string From, DomainEvent? Event);
}
