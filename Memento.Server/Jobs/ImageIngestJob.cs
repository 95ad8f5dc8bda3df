using Memento.Imaging.Ingest;
using Memento.Domain.Events;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;
using Microsoft.Extensions.Options;

namespace Memento.Server.Jobs;

/// <summary>
/// Runs one claimed ingest job: asks <see cref="ImageLifecycle"/> what to convert, runs the imaging engine, and
/// reports the outcome back to it; the lifecycle writes the image's state, never this class. Progress and the lease
/// are written by a heartbeat, not per progress report.
/// </summary>
public sealed class ImageIngestJob(
    IServiceScopeFactory scopes, ImageIngestor ingestor, IOptions<ImagingOptions> imaging, ILogger<ImageIngestJob> log,
    IEventHub hub)
{
    public async Task RunAsync(BackgroundJob job, CancellationToken stopping)
    {
        var payload = IngestJobPayload.FromJson(job.PayloadJson);
        var lease = imaging.Value.LeaseDuration;

        await using var scope = scopes.CreateAsyncScope();
        var lifecycle = scope.ServiceProvider.GetRequiredService<ImageLifecycle>();
        var directories = scope.ServiceProvider.GetRequiredService<ImageDirectories>();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        if (await lifecycle.StartAsync(payload, stopping) is not { } work)
        {
            // Deleted or replaced while queued: nothing to convert.
            await leases.FinishAsync(job.Id, BackgroundJobState.Succeeded, null, stopping);
            return;
        }
        if (job.Attempts > job.MaxAttempts)
        {
            await FailAsync(lifecycle, leases, job, work, "The conversion was interrupted too many times.", stopping);
            return;
        }

        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var percent = 0;
        var progress = new IngestProgressEvents(hub, work);
        var heartbeat = HeartbeatAsync(job.Id, work, lease, () => Volatile.Read(ref percent), progress.Flush, lost);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var target = directories.Full(work.StorageDirectory);
            var result = await ingestor.IngestAsync(directories.Full(work.Upload), target, (ImageFormatCode)work.FormatCode,
                new SyncProgress(p =>
                {
                    Volatile.Write(ref percent, p);
                    progress.Report(p);
                }), lost.Token);
            await lost.CancelAsync();
            await heartbeat;
            var statistics = await File.ReadAllTextAsync(Path.Combine(target, IngestResult.StatisticsFile), stopping);
            var recorded = await lifecycle.CompleteAsync(work, Facts(result, statistics), stopping);
            await leases.FinishAsync(job.Id, BackgroundJobState.Succeeded, null, stopping);
            if (recorded)
                log.LogInformation("Image {ImageId} ready: {Width}x{Height}, {Bands} band(s), ingest took {Seconds:0.0} s ({Stages})", work.ImageId,
                    result.Header.Width, result.Header.Height, result.Header.Bands, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
                    result.Stages);
            else log.LogInformation("Image {ImageId} was deleted or replaced during its conversion; the result is dropped.", work.ImageId);
        }
        catch (IngestException e)
        {
            await lost.CancelAsync();
            await heartbeat;
            await FailAsync(lifecycle, leases, job, work, e.Message, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: hand the job back at once so the next start (or another instance) runs it again.
            await heartbeat;
            await leases.ReleaseAsync(job.Id, TimeSpan.Zero, CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            // The lease was lost to another instance, which now owns the job.
            await heartbeat;
        }
    }

    private static IngestedImage Facts(IngestResult r, string statisticsJson) => new(r.Header.Width, r.Header.Height,
        r.Header.Bands, r.Header.BitDepth, r.Header.Pages,
        r.Container switch
        {
            ContainerFormat.Jpeg => "image/jpeg",
            ContainerFormat.Png => "image/png",
            _ => "image/tiff",
        },
        statisticsJson);

    private async Task FailAsync(ImageLifecycle lifecycle, JobLeases leases, BackgroundJob job, IngestWork work,
        string message, CancellationToken ct)
    {
        log.LogInformation("Image {ImageId} failed ingest: {Reason}", work.ImageId, message);
        await lifecycle.FailAsync(work, message, ct);
        await leases.FinishAsync(job.Id, BackgroundJobState.Failed, message, ct);
    }

    private async Task HeartbeatAsync(long jobId, IngestWork work, TimeSpan lease, Func<int> percent, Action flushEvents,
        CancellationTokenSource lost)
    {
        var last = -1;
        var renewEvery = lease / 3;
        // Elapsed time, not the wall clock: a clock step must neither stall nor rush the lease renewal.
        var renewed = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            while (!lost.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), lost.Token);
                flushEvents();
                var now = percent();
                if (now == last && System.Diagnostics.Stopwatch.GetElapsedTime(renewed) < renewEvery) continue;
                await using var scope = scopes.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<JobLeases>().RenewAsync(jobId, lease, now, lost.Token))
                {
                    log.LogWarning("Lost the lease of job {JobId}; another instance runs it now.", jobId);
                    await lost.CancelAsync();
                    return;
                }
                await scope.ServiceProvider.GetRequiredService<ImageLifecycle>().ReportProgressAsync(work, now, lost.Token);
                last = now;
                renewed = System.Diagnostics.Stopwatch.GetTimestamp();
            }
        }
        catch (OperationCanceledException) { }
    }

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
