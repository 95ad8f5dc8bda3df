using Memento.Domain.Data;
using Memento.Domain.Model;
using Microsoft.Extensions.Options;
using Memento.Server.Hosting;

namespace Memento.Server.Jobs;

/// <summary>
/// Hands an uploaded file to background ingest: the file moves to a server-chosen name under <c>uploads/</c>, the
/// image gets its server-chosen directory <c>images/{project}/{guid}</c> and state Processing, and the image and its
/// job are saved in one transaction, so an image is never left without its job. Returns at once.
/// </summary>
public sealed class ImageIngestQueue(IOptions<MementoOptions> options, TimeProvider clock, JobSignal signal)
{
    public async Task<BackgroundJob> EnqueueAsync(MementoDbContext db, Image image, string uploadedFile, CancellationToken ct)
    {
        var data = options.Value.DataPath;
        var name = Guid.NewGuid().ToString("N");
        var upload = Path.Combine("uploads", name);
        Directory.CreateDirectory(Path.Combine(data, "uploads"));
        File.Move(uploadedFile, Path.Combine(data, upload));

        image.StorageDirectory = Path.Combine("images", image.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture), name);
        image.State = ImageProcessingState.Processing;
        image.ProgressPercent = 0;
        image.Error = null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (image.Id == 0) db.Images.Add(image);
        await db.SaveChangesAsync(ct);
        var now = clock.GetUtcNow();
        var job = new BackgroundJob
        {
            Kind = IngestJobPayload.Kind, PayloadJson = new IngestJobPayload(image.Id, upload).ToJson(),
            CreatedAt = now, RunAfter = now, State = BackgroundJobState.Queued,
        };
        db.BackgroundJobs.Add(job);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signal.Wake();
        return job;
    }
}

/// <summary>Wakes this process' worker at once when a job is enqueued here (other instances find it by polling).</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Wake()
    {
        if (_signal.CurrentCount == 0) _signal.Release();
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
