using Memento.Domain.Data;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Server.Jobs;

/// <summary>
/// Claims and renews jobs on the BackgroundJobs table with conditional updates, which is safe with several server
/// instances on PostgreSQL: the UPDATE re-checks its WHERE clause on the locked row, so of two instances racing for a
/// job exactly one sees "1 row affected". A job is claimable when queued and due, or when running under a lease that
/// has expired — its process died, so it runs again (ingest output is atomic, so a half-run leaves nothing served).
/// </summary>
public sealed class JobLeases(MementoDbContext db, TimeProvider clock, InstanceIdentity? instance = null)
{
    private readonly InstanceIdentity _instance = instance ?? InstanceIdentity.Unnamed;

    /// <summary>The lease owner this process writes on the jobs it claims.</summary>
    public string Owner => _instance.Owner;

    /// <summary>
    /// Puts back in the queue, due now, the jobs this instance's previous life was running when it died: its slot is
    /// ours now, so no live process holds those leases and waiting for them to expire would only delay the images.
    /// Returns how many jobs were taken back.
    /// </summary>
    public async Task<int> ReclaimPreviousLifeAsync(CancellationToken ct)
    {
        if (!_instance.IsHeld) return 0;
        var now = clock.GetUtcNow();
        var prefix = _instance.OwnerPrefix;
        var owner = Owner;
        return await db.BackgroundJobs
            .Where(j => j.State == BackgroundJobState.Running && j.LeaseOwner != null && j.LeaseOwner != owner
                        && j.LeaseOwner.StartsWith(prefix))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, BackgroundJobState.Queued)
                .SetProperty(j => j.RunAfter, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), ct);
    }

    public async Task<BackgroundJob?> TryClaimAsync(string kind, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.BackgroundJobs.AsNoTracking()
            .Where(j => j.Kind == kind && ((j.State == BackgroundJobState.Queued && j.RunAfter <= now)
                                           || (j.State == BackgroundJobState.Running && j.LeaseExpiresAt < now)))
            .OrderBy(j => j.Id).Select(j => j.Id).Take(5).ToListAsync(ct);
        foreach (var id in candidates)
        {
            var claimed = await db.BackgroundJobs
                .Where(j => j.Id == id && ((j.State == BackgroundJobState.Queued && j.RunAfter <= now)
                                           || (j.State == BackgroundJobState.Running && j.LeaseExpiresAt < now)))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, BackgroundJobState.Running)
                    .SetProperty(j => j.LeaseOwner, Owner)
                    .SetProperty(j => j.LeaseExpiresAt, now + lease)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.StartedAt, now), ct);
            if (claimed == 1) return await db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == id, ct);
        }
        return null;
    }

    /// <summary>Extends our lease and records progress; false when the lease was lost (another instance took over).</summary>
    public async Task<bool> RenewAsync(long jobId, TimeSpan lease, int percent, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + lease;
        return await db.BackgroundJobs.Where(j => j.Id == jobId && j.LeaseOwner == Owner && j.State == BackgroundJobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, until).SetProperty(j => j.ProgressPercent, percent), ct) == 1;
    }

    public Task FinishAsync(long jobId, BackgroundJobState state, string? error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.BackgroundJobs.Where(j => j.Id == jobId && j.LeaseOwner == Owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, state)
                .SetProperty(j => j.Error, error)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(j => j.ProgressPercent, j => state == BackgroundJobState.Succeeded ? 100 : j.ProgressPercent), ct);
    }

    /// <summary>Puts a job back in the queue: after a transient failure (with a delay) or at shutdown (at once).</summary>
    public Task ReleaseAsync(long jobId, TimeSpan delay, CancellationToken ct)
    {
        var after = clock.GetUtcNow() + delay;
        return db.BackgroundJobs.Where(j => j.Id == jobId && j.LeaseOwner == Owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, BackgroundJobState.Queued)
                .SetProperty(j => j.RunAfter, after)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), ct);
    }
}
