using Memento.Domain.Services.Images;
using Memento.Domain.Model;
using Memento.Server.Jobs;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server;

/// <summary>
/// What the clean-up of crash leftovers removes and what it must leave, since other instances may share the data
/// directory: only files older than the age limit, never a queued job's upload, never the partial tiles of a job
/// under a live lease.
/// </summary>
public sealed class OrphanedFilesCleanerTests : IDisposable
{
    private readonly MementoAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    private string Put(string relative, TimeSpan age, bool directory = false)
    {
        var path = Path.Combine(_app.DataDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var when = _app.Clock.GetUtcNow().UtcDateTime - age;
        if (directory)
        {
            Directory.CreateDirectory(Path.Combine(path, "image_files"));
            Directory.SetLastWriteTimeUtc(path, when);
        }
        else
        {
            File.WriteAllText(path, "partial");
            File.SetLastWriteTimeUtc(path, when);
        }
        return relative;
    }

    private Task<Image> ImageAsync(string storage) => _app.WithDbAsync(async db =>
    {
        var project = new Project { Name = $"p-{Guid.NewGuid():N}", CreatedAt = DateTimeOffset.UtcNow };
        var image = new Image { Project = project, Name = storage, UploadedAt = DateTimeOffset.UtcNow, StorageDirectory = storage, State = ImageProcessingState.Processing };
        db.Images.Add(image);
        await db.SaveChangesAsync();
        return image;
    });

    private Task JobAsync(long imageId, string upload, BackgroundJobState state, DateTimeOffset? leaseUntil) => _app.WithDbAsync(async db =>
    {
        db.BackgroundJobs.Add(new BackgroundJob
        {
            Kind = IngestJobPayload.Kind, PayloadJson = new IngestJobPayload(imageId, upload).ToJson(), State = state,
            CreatedAt = DateTimeOffset.UtcNow, RunAfter = DateTimeOffset.UtcNow, LeaseExpiresAt = leaseUntil,
            LeaseOwner = leaseUntil is null ? null : "elsewhere#0:1:x",
        });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Old_unreferenced_leftovers_go_and_young_files_queued_uploads_and_live_jobs_tiles_stay()
    {
        var hour = TimeSpan.FromHours(1);
        var old = hour + TimeSpan.FromMinutes(5);
        var young = TimeSpan.FromMinutes(5);
        var now = _app.Clock.GetUtcNow();
        var live = await ImageAsync("images/1/live");
        var dead = await ImageAsync("images/1/dead");
        var queued = await ImageAsync("images/1/queued");
        await JobAsync(live.Id, "uploads/live-upload", BackgroundJobState.Running, now + TimeSpan.FromSeconds(30));
        await JobAsync(dead.Id, "uploads/dead-upload", BackgroundJobState.Running, now - TimeSpan.FromMinutes(10));
        await JobAsync(queued.Id, "uploads/queued-upload", BackgroundJobState.Queued, null);

        var expectedGone = new[]
        {
            Put("uploads/incoming/memento-upload-old", old),    // a request's partial upload, long abandoned
            Put("uploads/incoming-old", old),                   // between upload and queue when the process died
            Put("uploads/nobodys-upload", old),                 // moved into place, its job never committed
            Put("images/1/dead.partial-1", old, directory: true), // the lease of its job has expired: no one writes it
        };
        var expectedKept = new[]
        {
            Put("uploads/incoming/memento-upload-young", young), // may be streaming on another instance right now
            Put("uploads/live-upload", old),                     // a running job's input
            Put("uploads/dead-upload", old),                     // the job will be retried and needs it
            Put("uploads/queued-upload", old),                   // a queued job's input
            Put("images/1/live.partial-2", old, directory: true), // a live lease: its job is writing there
            Put("images/1/young.partial-3", young, directory: true),
        };

        await using var scope = _app.Services.CreateAsyncScope();
        var removed = await scope.ServiceProvider.GetRequiredService<OrphanedFilesCleaner>().CleanAsync(default);

        Assert.Equal(expectedGone.Order(), removed.Select(p => p.Replace('\\', '/')).Order());
        foreach (var kept in expectedKept)
            Assert.True(Path.Exists(Path.Combine(_app.DataDirectory, kept)), kept + " was removed");
    }
}
