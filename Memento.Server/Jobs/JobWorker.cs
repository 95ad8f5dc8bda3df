using Memento.Domain.Services.Images;
using Microsoft.Extensions.Options;

namespace Memento.Server.Jobs;

/// <summary>
/// The background ingest loop: claims jobs from the database with a lease and runs at most
/// <see cref="ImagingOptions.MaxParallelJobs"/> at a time. Wakes at once for jobs enqueued in this process and polls
/// for the rest (other instances' uploads, expired leases of crashed ones).
/// </summary>
public sealed class JobWorker(
    IServiceScopeFactory scopes, ImageIngestJob ingest, JobSignal signal, IOptions<ImagingOptions> options,
    ILogger<JobWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var o = options.Value;
        await ReclaimPreviousLifeAsync(stopping);
        using var slots = new SemaphoreSlim(Math.Max(1, o.MaxParallelJobs));
        var running = new List<Task>();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stopping);
                var job = await ClaimAsync(o.LeaseDuration, stopping);
                if (job is null)
                {
                    slots.Release();
                    await signal.WaitAsync(o.PollInterval, stopping);
                    continue;
                }
                running.RemoveAll(t => t.IsCompleted);
                running.Add(Task.Run(async () =>
                {
                    try { await ingest.RunAsync(job, stopping); }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // Unexpected (database down, disk error): the lease expires and the job is retried.
                        log.LogError(e, "Ingest job {JobId} crashed; it will be retried when its lease expires.", job.Id);
                    }
                    finally { slots.Release(); }
                }, CancellationToken.None));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "The job queue could not be read; retrying.");
                await Task.Delay(o.PollInterval, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        await Task.WhenAll(running);
    }

    private async Task ReclaimPreviousLifeAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var taken = await scope.ServiceProvider.GetRequiredService<JobLeases>().ReclaimPreviousLifeAsync(ct);
            if (taken > 0) log.LogInformation("Took back {Count} ingest job(s) this instance was running when it stopped.", taken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: the jobs' leases expire and they run then.
            log.LogWarning(e, "Could not take back this instance's interrupted jobs; they resume when their leases expire.");
        }
    }

    private async Task<Memento.Domain.Model.BackgroundJob?> ClaimAsync(TimeSpan lease, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobLeases>().TryClaimAsync(IngestJobPayload.Kind, lease, ct);
    }
}
