using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;
using Memento.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Memento.Server.Jobs;

/// <summary>
/// Removes the temporary files a crash leaves behind: partial uploads (<c>uploads/incoming/…</c>,
/// <c>uploads/incoming-…</c>), queued uploads no unfinished job refers to (<c>uploads/{name}</c>), and half-written
/// tile directories (<c>images/{project}/{dir}.partial-…</c>) of jobs no live process runs.
/// Several instances may share the data directory, so nothing is removed that another one may still be writing:
/// a file must be older than <see cref="ImagingOptions.OrphanAge"/> (a live upload or conversion keeps touching its
/// files, and no request lasts that long), and a job's files must not belong to a queued job or a job under a live lease.
/// </summary>
public sealed class OrphanedFilesCleaner(
    MementoDbContext db, TimeProvider clock, IOptions<MementoOptions> memento, IOptions<ImagingOptions> imaging,
    ILogger<OrphanedFilesCleaner> log)
{
    private const string PartialMarker = ".partial-";

    /// <summary>Removes what is orphaned now; returns the paths removed, relative to the data directory.</summary>
    public async Task<List<string>> CleanAsync(CancellationToken ct)
    {
        var data = Path.GetFullPath(memento.Value.DataPath);
        var now = clock.GetUtcNow();
        var before = (now - imaging.Value.OrphanAge).UtcDateTime;
        var removed = new List<string>();
        var uploads = Path.Combine(data, "uploads");
        var images = Path.Combine(data, "images");
        if (!Directory.Exists(uploads) && !Directory.Exists(images)) return removed;

        // Read after listing nothing yet: a job enqueued after this query has a file younger than the age limit.
        var unfinished = await db.BackgroundJobs.AsNoTracking()
            .Where(j => j.Kind == IngestJobPayload.Kind && (j.State == BackgroundJobState.Queued || j.State == BackgroundJobState.Running))
            .Select(j => new { j.PayloadJson, j.State, j.LeaseExpiresAt }).ToListAsync(ct);
        var payloads = unfinished.Select(j => (Payload: TryParse(j.PayloadJson), Live: j.State == BackgroundJobState.Queued || j.LeaseExpiresAt > now))
            .Where(j => j.Payload is not null).ToList();
        var referenced = payloads.Select(j => Path.GetFullPath(Path.Combine(data, j.Payload!.Upload))).ToHashSet(StringComparer.Ordinal);
        var liveImageIds = payloads.Where(j => j.Live).Select(j => j.Payload!.ImageId).ToList();
        var liveTargets = (await db.Images.AsNoTracking().Where(i => liveImageIds.Contains(i.Id) && i.StorageDirectory != null)
                .Select(i => i.StorageDirectory!).ToListAsync(ct))
            .Select(d => Path.GetFullPath(Path.Combine(data, d))).ToHashSet(StringComparer.Ordinal);

        if (Directory.Exists(uploads))
        {
            foreach (var file in Directory.EnumerateFiles(uploads, "*", SearchOption.AllDirectories))
            {
                if (File.GetLastWriteTimeUtc(file) >= before || referenced.Contains(file)) continue;
                TryDelete(file, data, removed, () => File.Delete(file));
            }
        }
        if (Directory.Exists(images))
        {
            foreach (var project in Directory.EnumerateDirectories(images))
            foreach (var dir in Directory.EnumerateDirectories(project, "*" + PartialMarker + "*"))
            {
                var target = dir[..dir.LastIndexOf(PartialMarker, StringComparison.Ordinal)];
                if (Directory.GetLastWriteTimeUtc(dir) >= before || liveTargets.Contains(target)) continue;
                TryDelete(dir, data, removed, () => Directory.Delete(dir, recursive: true));
            }
        }
        if (removed.Count > 0) log.LogInformation("Removed {Count} orphaned temporary file(s): {Paths}", removed.Count, removed);
        return removed;
    }

    private void TryDelete(string path, string data, List<string> removed, Action delete)
    {
        try
        {
            delete();
            removed.Add(Path.GetRelativePath(data, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone already (a job's own clean-up) or still open: the next round looks again.
            log.LogDebug(e, "Could not remove {Path}", path);
        }
    }

    private static IngestJobPayload? TryParse(string json)
    {
        try { return IngestJobPayload.FromJson(json); }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException) { return null; }
    }
}

/// <summary>Runs <see cref="OrphanedFilesCleaner"/> at start-up and every <see cref="ImagingOptions.OrphanCleanupInterval"/>.</summary>
public sealed class OrphanedFilesCleanup(IServiceScopeFactory scopes, IOptions<ImagingOptions> options,
    ILogger<OrphanedFilesCleanup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var interval = options.Value.OrphanCleanupInterval;
        if (interval <= TimeSpan.Zero) interval = TimeSpan.FromHours(1);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OrphanedFilesCleaner>().CleanAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogWarning(e, "Orphaned temporary files could not be cleaned; trying again later.");
            }
            try { await Task.Delay(interval, stopping); }
            catch (OperationCanceledException) { return; }
        }
    }
}
