using Memento.Domain.Services.Images;
using System.Text.Json;
using Memento.Domain.Model;
using Memento.Server.Jobs;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Memento.Tests.Server.TilesTestSupport;

namespace Memento.Tests.Server;

/// <summary>Background ingest through the database queue: states, progress, failures and crash recovery.</summary>
public sealed class TilesIngestQueueTests
{
    [Fact]
    public async Task An_upload_returns_processing_and_becomes_ready_with_its_pyramids_and_recorded_header()
    {
        using var app = new MementoAppFactory(FastPolling);
        _ = app.Services;
        var source = CellProfiler("Colocalization/0_2/site1/R.png");
        var queued = await UploadAsync(app, source);
        Assert.Equal(ImageProcessingState.Processing, queued.State);

        var image = await WaitForIngestAsync(app, queued.Id);

        Assert.Equal(ImageProcessingState.Ready, image.State);
        Assert.Null(image.Error);
        Assert.Equal((1392, 1040, 1, 16, "image/png", 100), (image.Width, image.Height, image.Bands, image.BitDepth, image.MimeType, image.ProgressPercent));
        var dir = Path.Combine(app.DataDirectory, image.StorageDirectory!);
        Assert.True(File.Exists(Path.Combine(dir, "image.dzi")));
        Assert.True(File.Exists(Path.Combine(dir, "iiif", "info.json")));
        Assert.True(File.Exists(Path.Combine(dir, "thumbnail.jpg")));
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(Path.Combine(dir, "original.png")));
        using var stats = JsonDocument.Parse(image.ChannelStatisticsJson!);
        Assert.True(stats.RootElement.GetProperty("channels")[0].GetProperty("max").GetDouble() > 255);
        Assert.Equal(BackgroundJobState.Succeeded, (await JobOfAsync(app, image.Id)).State);
        Assert.Empty(Directory.GetFiles(Path.Combine(app.DataDirectory, "uploads")));
    }

    [Fact]
    public async Task A_corrupt_upload_ends_failed_with_a_clear_message_and_nothing_on_disk()
    {
        using var app = new MementoAppFactory(FastPolling);
        _ = app.Services;
        var corrupt = Path.Combine(app.DataDirectory, "corrupt.tif");
        File.WriteAllText(corrupt, "not a tiff at all");
        var queued = await UploadAsync(app, corrupt);

        var image = await WaitForIngestAsync(app, queued.Id);

        Assert.Equal(ImageProcessingState.Failed, image.State);
        Assert.Equal(Memento.Imaging.Ingest.IngestMessages.UnknownFormat, image.Error);
        Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, image.StorageDirectory!)));
        var job = await JobOfAsync(app, image.Id);
        Assert.Equal((BackgroundJobState.Failed, image.Error), (job.State, job.Error));
        Assert.Empty(Directory.GetFiles(Path.Combine(app.DataDirectory, "uploads")));
    }

    [Fact]
    public async Task A_job_left_running_by_a_crashed_instance_runs_again_once_its_lease_expires_and_leaves_no_partial_output()
    {
        using var app = new MementoAppFactory(FastPolling);
        _ = app.Services;
        // What a crash leaves behind: a job "running" under a dead owner's lease, its upload, and a half-written pyramid.
        var (imageId, partial) = await app.WithDbAsync(async db =>
        {
            var project = new Project { Name = "crash", CreatedAt = DateTimeOffset.UtcNow };
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            var image = new Image
            {
                ProjectId = project.Id, Name = "d0.tif", FormatCode = 4, UploadedAt = DateTimeOffset.UtcNow,
                StorageDirectory = $"images/{project.Id}/crashed", State = ImageProcessingState.Processing, ProgressPercent = 40,
            };
            db.Images.Add(image);
            await db.SaveChangesAsync();
            Directory.CreateDirectory(Path.Combine(app.DataDirectory, "uploads"));
            File.Copy(CellProfiler("HumanHT29/D03/f00/d0.tif"), Path.Combine(app.DataDirectory, "uploads", "crashed"));
            var partialDir = Path.Combine(app.DataDirectory, "images", project.Id.ToString(), "crashed.partial-0123");
            Directory.CreateDirectory(Path.Combine(partialDir, "image_files", "9"));
            File.WriteAllText(Path.Combine(partialDir, "image_files", "9", "0_0.jpg"), "half a tile");
            var now = app.Clock.GetUtcNow();
            db.BackgroundJobs.Add(new BackgroundJob
            {
                Kind = IngestJobPayload.Kind, PayloadJson = new IngestJobPayload(image.Id, "uploads/crashed").ToJson(),
                State = BackgroundJobState.Running, Attempts = 1, CreatedAt = now, RunAfter = now, StartedAt = now,
                LeaseOwner = "crashed-host:4242:dead", LeaseExpiresAt = now + TimeSpan.FromSeconds(30),
            });
            await db.SaveChangesAsync();
            return (image.Id, partialDir);
        });

        // While the lease runs, the job belongs to its owner and nobody else takes it.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var held = await JobOfAsync(app, imageId);
        Assert.Equal(("crashed-host:4242:dead", BackgroundJobState.Running), (held.LeaseOwner, held.State));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var image = await WaitForIngestAsync(app, imageId);

        Assert.Equal(ImageProcessingState.Ready, image.State);
        var job = await JobOfAsync(app, imageId);
        Assert.Equal((BackgroundJobState.Succeeded, 2, (string?)null), (job.State, job.Attempts, job.LeaseOwner));
        Assert.False(Directory.Exists(partial));
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, image.StorageDirectory!, "image_files", "9", "0_0.jpg")));
    }
}
