using Memento.Domain.Model;
using Memento.Domain.Services.Images;
using Memento.Tests.Domain.Services.Support;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain.Services;

/// <summary>
/// The rules of an image's life as <see cref="ImageLifecycle"/> enforces them, with the job runner played by the test:
/// it starts the work a queued job names, writes a directory as ingest would, and reports the outcome.
/// </summary>
public sealed class ImageLifecycleTests : ServiceTestBase
{
    private readonly List<string> _forgotten = [];

    private ImageLifecycle Lifecycle(Request request) =>
        new(request.Db, request.Policy, new ImageDirectories(World.DataDirectory, _forgotten.Add), request.Clock, request.Events);

    [Fact]
    public async Task An_image_becomes_ready_only_from_processing_and_only_once()
    {
        var id = await NewImageAsync();
        using var request = World.NewRequest();
        var lifecycle = Lifecycle(request);
        var early = new IngestWork(id, "uploads/none", $"images/{World.Kidney}/none", 2, World.Kidney);
        Assert.False(await lifecycle.CompleteAsync(early, Facts(), default)); // still Pending: nothing was queued

        var work = await StartQueuedAsync(lifecycle, id);
        Assert.True(await lifecycle.CompleteAsync(work, Facts(), default));
        Assert.False(await lifecycle.FailAsync(work, "late", default)); // a re-run after Ready changes nothing

        var image = await ImageAsync(id);
        Assert.Equal((ImageProcessingState.Ready, 100, (string?)null, 640), (image.State, image.ProgressPercent, image.Error, image.Width));
        Assert.False(File.Exists(Path.Combine(World.DataDirectory, work.Upload)));
    }

    [Fact]
    public async Task A_failed_image_can_be_replaced_and_the_old_job_then_finds_nothing_to_do()
    {
        var id = await NewImageAsync();
        using var request = World.NewRequest();
        var lifecycle = Lifecycle(request);
        var failed = await StartQueuedAsync(lifecycle, id);
        Assert.True(await lifecycle.FailAsync(failed, "Not an image.", default));
        Assert.Equal(ImageProcessingState.Failed, (await ImageAsync(id)).State);

        await lifecycle.BeginReplaceAsync(World.As("proadm"), id, ct: default);
        Assert.Equal((ImageProcessingState.Pending, (string?)null), ((await ImageAsync(id)).State, (await ImageAsync(id)).Error));
        var queued = await lifecycle.QueueIngestAsync(id, NewUpload(), default);

        Assert.Equal(ImageProcessingState.Processing, (await ImageAsync(id)).State);
        Assert.NotEqual(failed.StorageDirectory, queued.StorageDirectory);
        Assert.Null(await lifecycle.StartAsync(new IngestJobPayload(id, failed.Upload), default));
        Assert.NotNull(await lifecycle.StartAsync(new IngestJobPayload(id, queued.Upload), default));
    }

    [Fact]
    public async Task A_result_that_arrives_after_the_image_was_deleted_is_ignored_and_its_files_removed()
    {
        var id = await NewImageAsync();
        using var request = World.NewRequest();
        var lifecycle = Lifecycle(request);
        var work = await StartQueuedAsync(lifecycle, id);

        await lifecycle.DeleteAsync(World.As("proadm"), id, default);
        var written = WriteTiles(work); // the conversion was already running and finishes after the delete

        Assert.False(await lifecycle.CompleteAsync(work, Facts(), default));
        Assert.False(await request.Db.Images.AnyAsync(i => i.Id == id));
        Assert.False(Directory.Exists(written));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(World.DataDirectory, "uploads")));
    }

    [Fact]
    public async Task Replacing_a_ready_image_removes_the_previous_version_once()
    {
        var id = await NewImageAsync();
        using var request = World.NewRequest();
        var lifecycle = Lifecycle(request);
        var first = await StartQueuedAsync(lifecycle, id);
        var firstFiles = WriteTiles(first);
        Assert.True(await lifecycle.CompleteAsync(first, Facts(), default));

        await lifecycle.BeginReplaceAsync(World.As("proadm"), id, ct: default);
        var second = await StartQueuedAsync(lifecycle, id);
        var secondFiles = WriteTiles(second);
        Assert.True(await lifecycle.CompleteAsync(second, Facts(), default));

        Assert.False(Directory.Exists(firstFiles));
        Assert.True(Directory.Exists(secondFiles));
        Assert.Equal([firstFiles], _forgotten); // the tile cache was told once, and only about the old version
        Assert.Equal(second.StorageDirectory, (await ImageAsync(id)).StorageDirectory);
    }

    [Fact]
    public async Task A_queued_upload_is_one_file_named_after_the_version_it_becomes()
    {
        var id = await NewImageAsync();
        using var request = World.NewRequest();
        // Where the host's multipart reader streams uploads; the reader's file is taken over, not copied.
        var incoming = Path.Combine(World.DataDirectory, "uploads", "incoming");
        Directory.CreateDirectory(incoming);
        var received = Path.Combine(incoming, "memento-upload-1");
        await File.WriteAllTextAsync(received, "pixels");

        var work = await Lifecycle(request).QueueIngestAsync(id, new IncomingFileOnDisk(received), default);

        var files = Directory.EnumerateFiles(Path.Combine(World.DataDirectory, "uploads"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(World.DataDirectory, f)).ToList();
        Assert.Equal([work.Upload], files);
        Assert.Equal(Path.GetFileName(work.StorageDirectory), Path.GetFileName(work.Upload));
        Assert.Equal("pixels", await File.ReadAllTextAsync(Path.Combine(World.DataDirectory, work.Upload)));
        var job = await request.Db.BackgroundJobs.AsNoTracking().SingleAsync();
        Assert.Equal(work.Upload, IngestJobPayload.FromJson(job.PayloadJson).Upload);
    }

    [Fact]
    public async Task An_upload_that_cannot_be_queued_leaves_no_file_and_the_image_as_it_was()
    {
        using var request = World.NewRequest();
        var external = new Image { ProjectId = World.Kidney, Name = "far.png", FormatCode = 2, Type = ImageType.External,
            ExternalUrl = "https://example.org/far.png", UploadedAt = World.Clock.Now, State = ImageProcessingState.Ready };
        request.Db.Images.Add(external);
        await request.Db.SaveChangesAsync();

        await Assert.ThrowsAsync<Memento.Domain.Authorization.MementoException>(() =>
            Lifecycle(request).QueueIngestAsync(external.Id, NewUpload(), default));
        Assert.Equal(ImageProcessingState.Ready, (await ImageAsync(external.Id)).State);
        Assert.False(await request.Db.BackgroundJobs.AnyAsync());
    }

    private async Task<long> NewImageAsync()
    {
        using var request = World.NewRequest();
        var image = new Image { ProjectId = World.Kidney, Name = $"{Guid.NewGuid():N}.png", FormatCode = 2, UploadedAt = World.Clock.Now };
        request.Db.Images.Add(image);
        await request.Db.SaveChangesAsync();
        return image.Id;
    }

    private async Task<IngestWork> StartQueuedAsync(ImageLifecycle lifecycle, long id)
    {
        var queued = await lifecycle.QueueIngestAsync(id, NewUpload(), default);
        var work = await lifecycle.StartAsync(new IngestJobPayload(id, queued.Upload), default);
        Assert.NotNull(work);
        return work;
    }

    private IncomingFileOnDisk NewUpload()
    {
        var path = Path.Combine(World.DataDirectory, $"received-{Guid.NewGuid():N}");
        File.WriteAllText(path, "pixels");
        return new IncomingFileOnDisk(path);
    }

    private string WriteTiles(IngestWork work)
    {
        var full = Path.GetFullPath(Path.Combine(World.DataDirectory, work.StorageDirectory));
        Directory.CreateDirectory(Path.Combine(full, "image_files", "0"));
        File.WriteAllText(Path.Combine(full, "image_files", "0", "0_0.jpg"), "tile");
        return full;
    }

    private async Task<Image> ImageAsync(long id)
    {
        await using var db = World.NewContext();
        return await db.Images.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    private static IngestedImage Facts() => new(640, 480, 3, 8, 1, "image/png", "[]");
}
