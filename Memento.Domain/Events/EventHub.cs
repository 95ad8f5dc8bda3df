using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Memento.Domain.Events;

/// <summary>
/// The in-process <see cref="IEventHub"/>: a bounded channel per subscriber that drops its oldest event when full.
/// <see cref="Outgoing"/> is set by a relay (PostgreSQL) to carry published events to other instances; events the
/// relay receives from them come in through <see cref="Deliver"/>.
/// </summary>
public sealed class EventHub(ILogger<EventHub>? log = null) : IEventHub
{
    /// <summary>How many undelivered events a subscriber may hold before its oldest are dropped.</summary>
    public const int BufferPerSubscriber = 256;

    private readonly ILogger log = log ?? NullLogger<EventHub>.Instance;
    private readonly ConcurrentDictionary<long, ISubscriber> subscribers = new();
    private long nextId;

    /// <summary>Where published events go besides this process (the relay's send queue); null on SQLite.</summary>
    public Action<DomainEvent>? Outgoing { get; set; }

    /// <summary>How many subscriptions are open now (tests check that ended streams leave none behind).</summary>
    public int SubscriberCount => subscribers.Count;

    public void Publish(DomainEvent e)
    {
        Deliver(e);
        Outgoing?.Invoke(e);
    }

    /// <summary>Hands the event to this process's subscribers only (events that arrive from other instances).</summary>
    public void Deliver(DomainEvent e)
    {
        foreach (var subscriber in subscribers.Values)
        {
            try
            {
                subscriber.Offer(e);
            }
            catch (Exception ex)
            {
                // A faulty filter must not keep the event from the other subscribers, nor reach the publisher.
                log.LogWarning(ex, "An event subscriber's filter failed; the event was skipped for it.");
            }
        }
    }

    public IAsyncEnumerable<T> Subscribe<T>(Func<T, bool> filter, CancellationToken ct) where T : DomainEvent
    {
        var id = Interlocked.Increment(ref nextId);
        var subscription = new Subscription<T>(this, id, filter, ct);
        subscribers[id] = subscription;
        // Cancelled already, or between the registration and here: remove at once rather than wait for a read.
        subscription.WatchCancellation();
        return subscription;
    }

    private void Remove(long id) => subscribers.TryRemove(id, out _);

    private interface ISubscriber
    {
        void Offer(DomainEvent e);
    }

    private sealed class Subscription<T>(EventHub hub, long id, Func<T, bool> filter, CancellationToken ct)
        : ISubscriber, IAsyncEnumerable<T> where T : DomainEvent
    {
        private readonly Channel<T> channel = Channel.CreateBounded<T>(new BoundedChannelOptions(BufferPerSubscriber)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = false,
        });
        private CancellationTokenRegistration registration;
        private int enumerated;

        public void WatchCancellation() => registration = ct.Register(End);

        public void Offer(DomainEvent e)
        {
            if (e is T typed && filter(typed)) channel.Writer.TryWrite(typed);
        }

        private void End()
        {
            hub.Remove(id);
            channel.Writer.TryComplete();
        }

        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref enumerated, 1) == 1)
                throw new InvalidOperationException("A subscription can be read only once.");
            return Read(cancellationToken);
        }

        private async IAsyncEnumerator<T> Read(CancellationToken reader)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(ct, reader);
            try
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = await channel.Reader.WaitToReadAsync(both.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        yield break;
                    }
                    if (!more) yield break;
                    while (channel.Reader.TryRead(out var item)) yield return item;
                }
            }
            finally
            {
                // Disposing the enumerator (the stream's reader went away) unsubscribes, cancelled or not.
                await registration.DisposeAsync();
                End();
            }
        }
    }
}
