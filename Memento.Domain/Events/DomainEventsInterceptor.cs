using System.Data.Common;
using Memento.Domain.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Memento.Domain.Events;

/// <summary>
/// Tells a context's <see cref="EventOutbox"/> when its changes become durable or are abandoned: transaction
/// start, commit, rollback and failure, and SaveChanges outside a transaction. Stateless: added by
/// <see cref="MementoDbContext"/> to every context, however its options were built.
/// </summary>
internal sealed class DomainEventsInterceptor : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public static DomainEventsInterceptor Instance { get; } = new();

    private static EventOutbox? OutboxOf(Microsoft.EntityFrameworkCore.DbContext? context) =>
        (context as MementoDbContext)?.Outbox;

    private static bool InTransaction(Microsoft.EntityFrameworkCore.DbContext? context) =>
        context?.Database.CurrentTransaction is not null;

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        OutboxOf(eventData.Context)?.Started(eventData.TransactionId);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
        DbTransaction result, CancellationToken cancellationToken = default)
    {
        OutboxOf(eventData.Context)?.Started(eventData.TransactionId);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        OutboxOf(eventData.Context)?.Committed(eventData.TransactionId);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        OutboxOf(eventData.Context)?.Committed(eventData.TransactionId);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        OutboxOf(eventData.Context)?.RolledBack(eventData.TransactionId);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        OutboxOf(eventData.Context)?.RolledBack(eventData.TransactionId);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        OutboxOf(eventData.Context)?.RolledBack(eventData.TransactionId);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        OutboxOf(eventData.Context)?.RolledBack(eventData.TransactionId);
        return Task.CompletedTask;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (!InTransaction(eventData.Context)) OutboxOf(eventData.Context)?.Saved();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (!InTransaction(eventData.Context)) OutboxOf(eventData.Context)?.Saved();
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (!InTransaction(eventData.Context)) OutboxOf(eventData.Context)?.SaveFailed();
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!InTransaction(eventData.Context)) OutboxOf(eventData.Context)?.SaveFailed();
        return Task.CompletedTask;
    }
}
