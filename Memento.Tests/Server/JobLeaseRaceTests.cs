using System.Collections.Concurrent;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Server.Jobs;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Server;

/// <summary>
/// Several server instances share one job table: racing claimers, each with its own connection as separate
/// processes would have, must run every job exactly once.
/// </summary>
public sealed class JobLeaseRaceTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private const string Kind = "race-test";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Racing_instances_claim_every_queued_job_exactly_once(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var now = DateTimeOffset.UtcNow;
        await using (var db = database.Context())
        {
            for (var i = 0; i < 40; i++)
                db.BackgroundJobs.Add(new BackgroundJob { Kind = Kind, CreatedAt = now, RunAfter = now.AddSeconds(-1) });
            await db.SaveChangesAsync();
        }

        var claims = new ConcurrentBag<long>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var db = database.Context();
            var leases = new JobLeases(db, TimeProvider.System);
            while (await leases.TryClaimAsync(Kind, TimeSpan.FromMinutes(5), default) is { } job) claims.Add(job.Id);
        })));

        Assert.Equal(40, claims.Count);
        Assert.Equal(40, claims.Distinct().Count());
        await using var check = database.Context();
        Assert.Equal(40, await check.BackgroundJobs.CountAsync(j => j.State == BackgroundJobState.Running && j.Attempts == 1));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_job_whose_lease_expired_is_taken_over_by_exactly_one_instance_and_the_old_owner_loses_it(DatabaseProvider provider)
    {
        await using var database = await databases.CreateMigratedAsync(provider);
        var now = DateTimeOffset.UtcNow;
        long id;
        await using (var db = database.Context())
        {
            var crashed = new BackgroundJob
            {
                Kind = Kind, CreatedAt = now, RunAfter = now, State = BackgroundJobState.Running, Attempts = 1,
                LeaseOwner = "another-host:1:crashed", LeaseExpiresAt = now.AddSeconds(-5),
            };
            db.BackgroundJobs.Add(crashed);
            await db.SaveChangesAsync();
            id = crashed.Id;
        }

        var taken = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            await using var db = database.Context();
            return (await new JobLeases(db, TimeProvider.System).TryClaimAsync(Kind, TimeSpan.FromMinutes(5), default))?.Id;
        })));

        Assert.Equal([id], taken.Where(t => t is not null).Cast<long>());
        await using var check = database.Context();
        var job = await check.BackgroundJobs.SingleAsync(j => j.Id == id);
        Assert.Equal((BackgroundJobState.Running, 2, new JobLeases(check, TimeProvider.System).Owner), (job.State, job.Attempts, job.LeaseOwner));
    }
}
