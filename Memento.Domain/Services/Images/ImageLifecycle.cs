using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Events;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Images;

/// <summary>
/// The one owner of an image's life. States: Pending (registered, or marked for a new file) → Processing (a file is
/// queued) → Ready or Failed (the job runner reports the outcome here; it never writes an image itself). A new file
/// may be queued from any state of a file-backed image, a Failed one included: it becomes a new version (a new
/// upload name and directory) and the previous version's directory is removed once, after the commit. A job result
/// is recorded only while its version is the image's current one and the image is Processing, so a result that
/// arrives after a delete or a replace is ignored and its files removed.
/// </summary>
public sealed class ImageLifecycle(MementoDbContext db, AccessPolicy policy, ImageDirectories directories,
    TimeProvider clock, IDomainEvents events, IIngestSignal? signal = null)
{
    /// <summary>Marks the image for a new file: Pending, so viewers wait for the new tiles until the upload is queued.</summary>
    public async Task BeginReplaceAsync(Caller caller, long id, int? formatCode = null, CancellationToken ct = default)
    {
        await RequireAdministerAsync(caller, id, ct);
        await BeginReplacePermittedAsync(id, formatCode, ct);
    }

    /// <summary>As <see cref="BeginReplaceAsync"/> for callers that checked permission their own way (a picture's uploader).</summary>
    public async Task BeginReplacePermittedAsync(long id, int? formatCode = null, CancellationToken ct = default)
    {
        var image = await db.Images.SingleAsync(i => i.Id == id, ct);
        if (image.Type == ImageType.External)
            throw MementoException.Validation("id", "An external image has no file to replace; edit its URL instead.");
        if (formatCode is { } code) image.FormatCode = ManualCodes.ImageFormat(code);
        image.State = ImageProcessingState.Pending;
        image.ProgressPercent = 0;
        image.Error = null;
        image.UploadedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        events.Raise(new ImageProgressChanged(image.ProjectId, id, ImageProcessingState.Pending, 0));
    }

    /// <summary>
    /// Takes over the uploaded file under its one final name (<c>uploads/{name}</c>, a rename of the receiver's
    /// temporary file; streamed there only when the receiver cannot hand it over), then saves the image as
    /// Processing together with its job, in one transaction. Callers check permissions first.
    /// </summary>
    public async Task<IngestWork> QueueIngestAsync(long imageId, IncomingFile file, CancellationToken ct)
    {
        var image = await db.Images.SingleOrDefaultAsync(i => i.Id == imageId, ct) ?? throw MementoException.NotFound("Image", imageId);
        if (image.Type == ImageType.External)
            throw MementoException.Validation("file", "An external image has no file; edit its URL instead.");
        var (upload, directory) = directories.NewVersion(image.ProjectId);
        var previous = image.StorageDirectory;
        var uploadPath = directories.UploadPath(upload);
        try
        {
            if (!file.TryMoveTo(uploadPath))
            {
                await using var source = file.OpenReadStream();
                await using var target = new FileStream(uploadPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await source.CopyToAsync(target, ct);
            }
            image.StorageDirectory = directory;
            image.State = ImageProcessingState.Processing;
            image.ProgressPercent = 0;
            image.Error = null;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            var now = clock.GetUtcNow();
            db.BackgroundJobs.Add(new BackgroundJob
            {
                Kind = IngestJobPayload.Kind, PayloadJson = new IngestJobPayload(image.Id, upload).ToJson(),
                CreatedAt = now, RunAfter = now, State = BackgroundJobState.Queued,
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            // Not queued: the file has no reader, and the image keeps its previous version.
            db.ChangeTracker.Clear();
            directories.DiscardUpload(upload);
            throw;
        }
        db.ChangeTracker.Clear();
        events.Raise(new ImageProgressChanged(image.ProjectId, imageId, ImageProcessingState.Processing, 0));
        signal?.Wake();
        if (previous is not null) directories.Delete(previous);
        return new IngestWork(imageId, upload, directory, image.FormatCode, image.ProjectId);
    }

    /// <summary>
    /// The work a claimed job should do, or null when there is none any more (the image was deleted, replaced, or
    /// already has its outcome); then the job's upload is discarded here and the runner only finishes the job.
    /// </summary>
    public async Task<IngestWork?> StartAsync(IngestJobPayload job, CancellationToken ct)
    {
        var image = await db.Images.AsNoTracking().Where(i => i.Id == job.ImageId)
            .Select(i => new { i.StorageDirectory, i.State, i.FormatCode, i.ProjectId }).SingleOrDefaultAsync(ct);
        if (image is null || image.State != ImageProcessingState.Processing || !ImageDirectories.SameVersion(image.StorageDirectory, job.Upload))
        {
            directories.DiscardUpload(job.Upload);
            return null;
        }
        return new IngestWork(job.ImageId, job.Upload, image.StorageDirectory!, image.FormatCode, image.ProjectId);
    }

    /// <summary>Records how far the conversion is, while it is still this version's.</summary>
    public Task ReportProgressAsync(IngestWork work, int percent, CancellationToken ct) =>
        Current(work).ExecuteUpdateAsync(s => s.SetProperty(i => i.ProgressPercent, percent), ct);

    /// <summary>
    /// Processing → Ready with what the conversion found. False when the result came too late (the image was
    /// deleted or replaced meanwhile): it is not recorded and the directory it wrote is removed.
    /// </summary>
    public async Task<bool> CompleteAsync(IngestWork work, IngestedImage result, CancellationToken ct)
    {
        var recorded = await Current(work).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Width, result.Width)
            .SetProperty(i => i.Height, result.Height)
            .SetProperty(i => i.Bands, result.Bands)
            .SetProperty(i => i.BitDepth, result.BitDepth)
            .SetProperty(i => i.Pages, result.Pages)
            .SetProperty(i => i.MimeType, result.MimeType)
            .SetProperty(i => i.ChannelStatisticsJson, result.ChannelStatisticsJson)
            .SetProperty(i => i.State, ImageProcessingState.Ready)
            .SetProperty(i => i.ProgressPercent, 100)
            .SetProperty(i => i.Error, (string?)null), ct) == 1;
        if (recorded) events.Raise(new ImageProgressChanged(work.ProjectId, work.ImageId, ImageProcessingState.Ready, 100));
        else directories.Delete(work.StorageDirectory);
        directories.DiscardUpload(work.Upload);
        return recorded;
    }

    /// <summary>Processing → Failed with the reason; nothing but the message remains of the conversion.</summary>
    public async Task<bool> FailAsync(IngestWork work, string message, CancellationToken ct)
    {
        var recorded = await Current(work).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.State, ImageProcessingState.Failed)
            .SetProperty(i => i.Error, message), ct) == 1;
        if (recorded && await db.Images.Where(i => i.Id == work.ImageId).Select(i => (int?)i.ProgressPercent)
                .SingleOrDefaultAsync(ct) is { } percent)
            events.Raise(new ImageProgressChanged(work.ProjectId, work.ImageId, ImageProcessingState.Failed, percent));
        directories.DiscardUpload(work.Upload);
        return recorded;
    }

    /// <summary>
    /// Deletes the image record (layers showing it become empty rather than disappearing), then its files once the
    /// delete is committed, so a failed delete never loses files whose row still exists. A queued or running job
    /// finds the image gone and records nothing.
    /// </summary>
    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await RequireAdministerAsync(caller, id, ct);
        await DeletePermittedAsync(id, ct);
    }

    /// <summary>As <see cref="DeleteAsync"/> for callers that checked permission their own way (a picture's uploader).</summary>
    public async Task DeletePermittedAsync(long id, CancellationToken ct = default)
    {
        var directory = await db.Images.Where(i => i.Id == id).Select(i => i.StorageDirectory).SingleOrDefaultAsync(ct);
        if (await db.Images.Where(i => i.Id == id).ExecuteDeleteAsync(ct) == 0) return;
        directories.Delete(directory);
    }

    // Only the version a job converts, and only while it converts: the guard that makes late results harmless.
    private IQueryable<Image> Current(IngestWork work) => db.Images.Where(i => i.Id == work.ImageId
        && i.State == ImageProcessingState.Processing && i.StorageDirectory == work.StorageDirectory);

    private async Task RequireAdministerAsync(Caller caller, long id, CancellationToken ct)
    {
        var projectId = await db.Images.Where(i => i.Id == id).Select(i => (long?)i.ProjectId).SingleOrDefaultAsync(ct)
            ?? throw MementoException.NotFound("Image", id);
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
    }
}
