using Memento.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Events;

/// <summary>
/// The scoped <see cref="IDomainEvents"/>: holds each raised event until the request's DbContext makes its change
/// durable. Inside an explicit transaction (services' <c>BeginTransactionAsync</c>) the event waits for that
/// transaction's commit and is dropped when it rolls back or is disposed uncommitted. Outside one, an event raised
/// while tracked changes are pending waits for the SaveChanges that writes them (dropped if it fails); an event
/// raised after the write (ExecuteUpdate/ExecuteDelete, or SaveChanges already done) is published at once. The
/// commits and saves are observed by <see cref="DomainEventsInterceptor"/>, which every context carries.
/// </summary>
public sealed class DomainEvents(MementoDbContext db, IEventHub hub) : IDomainEvents
{
    public void Raise(DomainEvent e)
    {
        if (db.Database.CurrentTransaction is { } transaction) Outbox().Hold(e, transaction.TransactionId);
        else if (db.ChangeTracker.HasChanges()) Outbox().Hold(e, null);
        else hub.Publish(e);
    }

    private EventOutbox Outbox() => db.Outbox ??= new EventOutbox(hub);
}

/// <summary>The events a context holds until its change commits; driven by <see cref="DomainEventsInterceptor"/>.</summary>
internal sealed class EventOutbox(IEventHub hub)
{
    // Each event with the transaction it waits for (null: the next SaveChanges outside a transaction).
    private readonly List<(DomainEvent Event, Guid? Transaction)> held = [];

    public void Hold(DomainEvent e, Guid? transaction)
    {
        lock (held) held.Add((e, transaction));
    }

    /// <summary>
    /// A transaction began. Events held for another transaction belong to one that ended without committing (EF
    /// Core has no nested transactions), so they are dropped; events waiting for a SaveChanges now wait for this
    /// transaction (SaveChanges' own, or one the service opened before saving).
    /// </summary>
    public void Started(Guid transaction)
    {
        lock (held)
        {
            held.RemoveAll(h => h.Transaction is { } other && other != transaction);
            for (var i = 0; i < held.Count; i++)
                if (held[i].Transaction is null) held[i] = (held[i].Event, transaction);
        }
    }

    public void Committed(Guid transaction) => Publish(h => h.Transaction == transaction);

    public void RolledBack(Guid transaction)
    {
        lock (held) held.RemoveAll(h => h.Transaction == transaction);
    }

    /// <summary>A SaveChanges outside any transaction succeeded (one statement, no transaction of its own).</summary>
    public void Saved() => Publish(h => h.Transaction is null);

    public void SaveFailed()
    {
        lock (held) held.RemoveAll(h => h.Transaction is null);
    }

    private void Publish(Predicate<(DomainEvent Event, Guid? Transaction)> which)
    {
        List<DomainEvent> ready;
        lock (held)
        {
            ready = held.Where(h => which(h)).Select(h => h.Event).ToList();
            held.RemoveAll(which);
        }
        foreach (var e in ready) hub.Publish(e);
    }
}
