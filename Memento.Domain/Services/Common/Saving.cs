using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Common;

/// <summary>Inserts that turn the database's unique constraints into CONFLICT errors or idempotent get-or-create.</summary>
public static class Saving
{
    /// <summary>Adds and saves <paramref name="entity"/>; a unique violation becomes CONFLICT with <paramref name="conflict"/>.</summary>
    public static async Task AddAsync<T>(MementoDbContext db, T entity, string conflict, CancellationToken ct)
        where T : class
    {
        db.Add(entity);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            throw MementoException.Conflict(conflict);
        }
    }

    /// <summary>
    /// Returns the id <paramref name="find"/> reads, or inserts the entity <paramref name="create"/> builds.
    /// Race-safe: when a concurrent request inserts the same name first, the unique index refuses ours and the
    /// winner's row is read back, so bulk imports running in parallel never fail or duplicate.
    /// </summary>
    public static async Task<(long Id, bool Created)> GetOrCreateAsync<T>(MementoDbContext db,
        Func<CancellationToken, Task<long?>> find, Func<T> create, Func<T, long> idOf, CancellationToken ct)
        where T : class
    {
        if (await find(ct) is { } existing) return (existing, false);
        var entity = create();
        db.Add(entity);
        try
        {
            await db.SaveChangesAsync(ct);
            return (idOf(entity), true);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return await find(ct) is { } winner
                ? (winner, false)
                : throw MementoException.Conflict("The object was created and removed concurrently; try again.");
        }
    }
}
