namespace Memento.Domain.Events;

/// <summary>
/// The server's one in-process event bus (a singleton). Publishing never blocks: each subscriber has a bounded
/// buffer, and a reader too slow to keep up loses its oldest events, not the publisher's time. On PostgreSQL a
/// relay (<see cref="PostgresEventRelay"/>) carries events between server instances; on SQLite there is one
/// instance and events stay in its process.
/// </summary>
public interface IEventHub
{
    /// <summary>Delivers to this instance's subscribers now and, with a relay, to the other instances' soon.</summary>
    void Publish(DomainEvent e);

    /// <summary>
    /// The events of type <typeparamref name="T"/> that pass <paramref name="filter"/>, from this call on (the
    /// subscription starts at once, not at the first read, so a caller can read the current state afterwards without
    /// missing a change in between). It ends when <paramref name="ct"/> is cancelled or the enumerator is disposed,
    /// and unsubscribes then. <paramref name="filter"/> runs on the publisher's thread: keep it cheap.
    /// </summary>
    IAsyncEnumerable<T> Subscribe<T>(Func<T, bool> filter, CancellationToken ct) where T : DomainEvent;
}

/// <summary>
/// What services call to announce a change (scoped, one per request): the event is published once the change is
/// durable, never when it is rolled back. See <see cref="DomainEvents"/> for the rules.
/// </summary>
public interface IDomainEvents
{
    /// <summary>Published after the current transaction commits (or after the next SaveChanges when none is open
    /// and changes are pending; at once when the write already happened); never when it rolls back.</summary>
    void Raise(DomainEvent e);
}
