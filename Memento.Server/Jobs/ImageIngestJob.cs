using Memento.Imaging.Ingest;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Memento.Server.Jobs;

/// <summary>
/// Runs one claimed ingest job and records the outcome on the image: ready with its header and statistics, or
/// failed with the ingest message. Progress and the lease are written by a heartbeat, not per progress report.
/// </summary>
public sealed class ImageIngestJob(
    IServiceScopeFactory scopes, ImageIngestor ingestor, IOptions<MementoOptions> memento,
    IOptions<ImagingOptions> imaging, ILogger<ImageIngestJob> log)
{
    public async Task RunAsync(BackgroundJob job, CancellationToken stopping)
    {
        var payload = IngestJobPayload.FromJson(job.PayloadJson);
        var data = memento.Value.DataPath;
        var upload = Path.Combine(data, payload.Upload);
        var lease = imaging.Value.LeaseDuration;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MementoDbContext>();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        var image = await db.Images.SingleOrDefaultAsync(i => i.Id == payload.ImageId, stopping);
        if (image?.StorageDirectory is null)
        {
            // The image was deleted while queued: nothing to convert.
            File.Delete(upload);
            await leases.FinishAsync(job.Id, BackgroundJobState.Succeeded, null, stopping);
            return;
        }
        if (job.Attempts > job.MaxAttempts)
        {
            await FailAsync(db, leases, job, image, upload, "The conversion was interrupted too many times.", stopping);
            return;
        }

        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var percent = 0;
        var heartbeat = HeartbeatAsync(job.Id, payload.ImageId, lease, () => Volatile.Read(ref percent), lost);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var result = await ingestor.IngestAsync(upload, Path.Combine(data, image.StorageDirectory), (ImageFormatCode)image.FormatCode,
                new SyncProgress(p => Volatile.Write(ref percent, p)), lost.Token);
            await lost.CancelAsync();
            await heartbeat;
            Record(image, result, await File.ReadAllTextAsync(Path.Combine(data, image.StorageDirectory, IngestResult.StatisticsFile), stopping));
            await db.SaveChangesAsync(stopping);
            await leases.FinishAsync(job.Id, BackgroundJobState.Succeeded, null, stopping);
            File.Delete(upload);
            log.LogInformation("Image {ImageId} ready: {Width}x{Height}, {Bands} band(s), ingest took {Seconds:0.0} s ({Stages})", image.Id,
                result.Header.Width, result.Header.Height, result.Header.Bands, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
                result.Stages);
        }
        catch (IngestException e)
        {
            await lost.CancelAsync();
            await heartbeat;
            await FailAsync(db, leases, job, image, upload, e.Message, stopping);
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

    private static void Record(Image image, IngestResult r, string statisticsJson)
    {
        image.Width = r.Header.Width;
        image.Height = r.Header.Height;
        image.Bands = r.Header.Bands;
        image.BitDepth = r.Header.BitDepth;
        image.Pages = r.Header.Pages;
        image.MimeType = r.Container switch
        {
            ContainerFormat.Jpeg => "image/jpeg",
            ContainerFormat.Png => "image/png",
            _ => "image/tiff",
        };
        image.ChannelStatisticsJson = statisticsJson;
        image.State = ImageProcessingState.Ready;
        image.ProgressPercent = 100;
        image.Error = null;
    }

    private async Task FailAsync(MementoDbContext db, JobLeases leases, BackgroundJob job, Image image, string upload,
        string message, CancellationToken ct)
    {
        log.LogInformation("Image {ImageId} failed ingest: {Reason}", image.Id, message);
        image.State = ImageProcessingState.Failed;
        image.Error = message;
        await db.SaveChangesAsync(ct);
        await leases.FinishAsync(job.Id, BackgroundJobState.Failed, message, ct);
        // Nothing but the error remains of a failed conversion.
        File.Delete(upload);
    }

    private async Task HeartbeatAsync(long jobId, long imageId, TimeSpan lease, Func<int> percent, CancellationTokenSource lost)
    {
        var last = -1;
        var renewEvery = lease / 3;
        var renewed = DateTime.UtcNow;
        try
        {
            while (!lost.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), lost.Token);
                var now = percent();
                if (now == last && DateTime.UtcNow - renewed < renewEvery) continue;
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MementoDbContext>();
                if (!await scope.ServiceProvider.GetRequiredService<JobLeases>().RenewAsync(jobId, lease, now, lost.Token))
                {
                    log.LogWarning("Lost the lease of job {JobId}; another instance runs it now.", jobId);
                    await lost.CancelAsync();
                    return;
                }
                await db.Images.Where(i => i.Id == imageId)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.ProgressPercent, now), lost.Token);
                last = now;
                renewed = DateTime.UtcNow;
            }
        }
        catch (OperationCanceledException) { }
    }

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
