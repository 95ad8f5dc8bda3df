using Memento.Domain.Services.Images;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Server.Jobs;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server;

/// <summary>Arrange and wait steps shared by the tile and ingest-queue tests.</summary>
internal static class TilesTestSupport
{
    public static readonly Dictionary<string, string?> FastPolling = new()
    {
        ["Memento:Imaging:PollInterval"] = "00:00:00.200",
    };

    public static string CellProfiler(string relative) =>
        Path.Combine("/work/shared/sample-data/cellprofiler-examples/CellProfilerExamples", relative);

    /// <summary>A copy of a file, as an upload's temporary file would be.</summary>
    public static string UploadCopy(MementoAppFactory app, string source)
    {
        var temp = Path.Combine(app.DataDirectory, $"incoming-{Guid.NewGuid():N}");
        File.Copy(source, temp);
        return temp;
    }

    public static async Task<Image> UploadAsync(MementoAppFactory app, string source, int formatCode = 5)
    {
        var imageId = await app.WithDbAsync(async db =>
        {
            var project = new Project { Name = $"p-{Guid.NewGuid():N}", CreatedAt = DateTimeOffset.UtcNow };
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            var image = new Image { ProjectId = project.Id, Name = Path.GetFileName(source), FormatCode = formatCode, UploadedAt = DateTimeOffset.UtcNow };
            db.Images.Add(image);
            await db.SaveChangesAsync();
            return image.Id;
        });
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ImageLifecycle>()
                .QueueIngestAsync(imageId, new IncomingFileOnDisk(UploadCopy(app, source)), default);
        return await app.WithDbAsync(db => db.Images.AsNoTracking().SingleAsync(i => i.Id == imageId));
    }

    /// <summary>Waits for ingest to leave the processing state (small images take a second or two).</summary>
    public static async Task<Image> WaitForIngestAsync(MementoAppFactory app, long imageId, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var image = await app.WithDbAsync(db => db.Images.AsNoTracking().SingleAsync(i => i.Id == imageId));
            if (image.State is ImageProcessingState.Ready or ImageProcessingState.Failed) return image;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Image {imageId} still {image.State} at {image.ProgressPercent}%.");
            await Task.Delay(200);
        }
    }

    public static Task<BackgroundJob> JobOfAsync(MementoAppFactory app, long imageId) =>
        app.WithDbAsync(db => db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.PayloadJson.Contains($"\"imageId\":{imageId},")));
}
