using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Datasets;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Memento.Domain.Services.Images;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Pictures;

/// <summary>A picture's stored file: the original sits in <see cref="StorageDirectory"/> (relative to the data directory).</summary>
public sealed record PictureFile(ImageType Type, ImageProcessingState State, string? StorageDirectory, string? MimeType,
    string? OriginalFileName, string? ExternalUrl);

/// <summary>
/// Pictures as the dataset document reads and writes them. Reads go through <see cref="AccessPolicy.SearchableImages"/>
/// (a picture the caller may not search is NOT_FOUND exactly like a missing one). Any signed-in user uploads into the
/// configured dataset project; a picture's uploader and its project's administrators change, re-file and delete it.
/// An upload is an image (ingested like every upload) plus an annotation in the dataset category showing it, whose
/// drawing layers hold the regions: the same rows drawn regions use, so search and the viewer see one thing.
/// </summary>
public sealed partial class PictureService(MementoDbContext db, AccessPolicy policy, PictureReader reader,
    DatasetProject dataset, ImageLifecycle lifecycle, ContainerDeletion deletion, TimeProvider clock,
    IPictureProbe? probe = null)
{
    public const int MaxLicences = 50;

    public async Task<Picture> GetAsync(Caller caller, long id, CancellationToken ct = default)
    {
        if (!await policy.SearchableImages(caller).AnyAsync(i => i.Id == id, ct)) throw NotFound(id);
        return (await reader.ReadAsync([id], ct)).SingleOrDefault() ?? throw NotFound(id);
    }

    /// <summary>
    /// A new picture of the dataset project from <paramref name="file"/>, with its metadata and, when given, the
    /// uploader's regions (validated, then stored in pixels of the size read from the file's header).
    /// </summary>
    public async Task<Picture> UploadAsync(Caller caller, PictureMetadata metadata, IncomingFile file,
        IReadOnlyList<PictureRegionInput>? regions = null, CancellationToken ct = default)
    {
        var userId = caller.RequireUserId();
        var title = Inputs.Settings(metadata.Title ?? "", "title", 500);
        var description = Inputs.Settings(metadata.Description ?? "", "description", 10_000);
        var originUrl = OriginUrl(metadata.OriginUrl);
        var nature = await NatureAsync(metadata.Nature, ct);
        var licences = await LicencesAsync(metadata.Licences ?? [], ct);
        var checkedRegions = await CheckRegionsAsync(regions ?? [], ct);
        (int Width, int Height)? size = null;
        if (checkedRegions.Count > 0)
        {
            if (probe is null) throw MementoException.Validation("annotations", "This server cannot read image sizes at upload.");
            size = await probe.SizeAsync(file, ct);
        }

        var projectId = await dataset.IdAsync(ct);
        var categoryId = await dataset.CategoryIdAsync(projectId, ct);
        var now = clock.GetUtcNow();
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(file.FileName ?? "")).Trim();
        var name = $"{(stem.Length == 0 ? "upload" : stem[..Math.Min(stem.Length, 200)])}-{Guid.NewGuid().ToString("N")[..12]}";
        var image = new Image
        {
            ProjectId = projectId, Name = name, FormatCode = 1, Type = ImageType.Standard, UploaderId = userId,
            UploadedAt = now, OriginalFileName = file.FileName is { Length: > 0 } f ? Path.GetFileName(f)[..Math.Min(500, Path.GetFileName(f).Length)] : null,
            State = ImageProcessingState.Pending, Title = title, Description = description, OriginUrl = originUrl,
            NatureId = nature,
        };
        long annotationId;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Images.Add(image);
            await db.SaveChangesAsync(ct);
            db.ImageLicences.AddRange(licences.Select(l => new ImageLicence { ImageId = image.Id, LicenceId = l }));
            var annotation = new Annotation { CategoryId = categoryId, Name = name, CreatedAt = now };
            annotation.Layers.Add(new Layer
            {
                Name = "Picture", Kind = LayerKind.Image, ImageId = image.Id, Sequence = 1, CreatedAt = now,
                Settings = Layers.LayerSettings.Validate(LayerKind.Image, ""),
            });
            if (size is { } s)
                annotation.Layers.Add(DrawingLayer(userId, now, ToRegions(checkedRegions, s.Width, s.Height, userId, now)));
            db.Annotations.Add(annotation);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            annotationId = annotation.Id;
        }
        db.ChangeTracker.Clear();
        try
        {
            await lifecycle.QueueIngestAsync(image.Id, file, ct);
        }
        catch
        {
            // Not queued: nothing of the upload stays, so the client's retry starts clean.
            await deletion.DeleteAnnotationAsync(annotationId, CancellationToken.None);
            await lifecycle.DeletePermittedAsync(image.Id, CancellationToken.None);
            throw;
        }
        return await GetAsync(caller, image.Id, ct);
    }

    /// <summary>The document's update: title, description, origin_url, licence_ids, nature_id (null leaves each as is).</summary>
    public async Task<Picture> UpdateAsync(Caller caller, long id, PictureMetadata metadata, CancellationToken ct = default)
    {
        await RequireManageAsync(caller, id, ct);
        // Everything is checked before anything is written, so a bad licence leaves the title unchanged too.
        var title = metadata.Title is null ? null : Inputs.Settings(metadata.Title, "title", 500);
        var description = metadata.Description is null ? null : Inputs.Settings(metadata.Description, "description", 10_000);
        var originUrl = metadata.OriginUrl is null ? null : OriginUrl(metadata.OriginUrl);
        var nature = metadata.Nature is null ? null : await NatureAsync(metadata.Nature, ct);
        var licences = metadata.Licences is null ? null : await LicencesAsync(metadata.Licences, ct);
        var image = await db.Images.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw NotFound(id);
        if (title is not null) image.Title = title;
        if (description is not null) image.Description = description;
        if (metadata.OriginUrl is not null) image.OriginUrl = originUrl;
        if (metadata.Nature is not null) image.NatureId = nature;
        if (licences is not null)
        {
            db.ImageLicences.RemoveRange(await db.ImageLicences.Where(l => l.ImageId == id).ToListAsync(ct));
            db.ImageLicences.AddRange(licences.Select(l => new ImageLicence { ImageId = id, LicenceId = l }));
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return await GetAsync(caller, id, ct);
    }

    /// <summary>Deletes the picture's dataset annotations, then the image record and its files (ImageLifecycle).</summary>
    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await RequireManageAsync(caller, id, ct);
        foreach (var annotationId in await DatasetAnnotations(id).ToListAsync(ct))
            await deletion.DeleteAnnotationAsync(annotationId, ct);
        await lifecycle.DeletePermittedAsync(id, ct);
    }

    /// <summary>
    /// Replaces the picture's file: a new version, ingested like a new upload. Regions stay where they are in pixels,
    /// so a file of another size should come with new regions (setPictureRegions).
    /// </summary>
    public async Task<Picture> PutFileAsync(Caller caller, long id, IncomingFile file, CancellationToken ct = default)
    {
        await RequireManageAsync(caller, id, ct);
        await lifecycle.BeginReplacePermittedAsync(id, null, ct);
        await lifecycle.QueueIngestAsync(id, file, ct);
        return await GetAsync(caller, id, ct);
    }

    /// <summary>Where the picture's file is, for whoever may search it (NOT_FOUND otherwise, and while it has none yet).</summary>
    public async Task<PictureFile> FileAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var file = await policy.SearchableImages(caller).Where(i => i.Id == id)
            .Select(i => new PictureFile(i.Type, i.State, i.StorageDirectory, i.MimeType, i.OriginalFileName, i.ExternalUrl))
            .SingleOrDefaultAsync(ct) ?? throw NotFound(id);
        return file.Type == ImageType.External || (file.State == ImageProcessingState.Ready && file.StorageDirectory is not null)
            ? file : throw MementoException.NotFound($"Picture {id} has no file yet: it is still being processed.");
    }

    private static MementoException NotFound(long id) => MementoException.NotFound("Picture", id);

    /// <summary>The caller uploaded the picture or administers its project; NOT_FOUND when they cannot even search it.</summary>
    private async Task<(long ProjectId, long? UploaderId)> RequireManageAsync(Caller caller, long id, CancellationToken ct)
    {
        var userId = caller.RequireUserId();
        var row = await policy.SearchableImages(caller).Where(i => i.Id == id)
            .Select(i => new { i.ProjectId, i.UploaderId }).SingleOrDefaultAsync(ct) ?? throw NotFound(id);
        if (row.UploaderId != userId && !await policy.CanAdministerProjectAsync(caller, row.ProjectId, ct))
            throw MementoException.Forbidden("Only the picture's uploader and its project's administrators may change it.");
        return (row.ProjectId, row.UploaderId);
    }

    // Annotations of the dataset category (of the picture's project) that show the picture.
    private IQueryable<long> DatasetAnnotations(long imageId)
    {
        var category = dataset.Options.Category.Trim();
        return db.Annotations.Where(a => a.Category.Name == category && a.Category.Project.Images.Any(i => i.Id == imageId)
                && a.Layers.Any(l => l.ImageId == imageId))
            .OrderBy(a => a.Id).Select(a => a.Id);
    }

    private static string? OriginUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        try
        {
            return ImageUrls.ExternalUrl(url);
        }
        catch (MementoException)
        {
            throw MementoException.Validation("origin_url", "The origin URL must be an absolute http(s) URL.");
        }
    }

    private async Task<string?> NatureAsync(string? nature, CancellationToken ct)
    {
        var trimmed = nature?.Trim() ?? "";
        if (trimmed.Length == 0) return null;
        return await db.Natures.AnyAsync(n => n.Id == trimmed, ct) ? trimmed
            : throw MementoException.Validation("nature", $"Unknown nature '{Shorten(trimmed)}'.");
    }

    private async Task<List<string>> LicencesAsync(IReadOnlyList<string> licences, CancellationToken ct)
    {
        if (licences.Count > MaxLicences)
            throw MementoException.Validation("licence", $"A picture has at most {MaxLicences} licences.");
        var wanted = licences.Select(l => (l ?? "").Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Licences.Where(l => wanted.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct);
        if (wanted.Except(known, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
            throw MementoException.Validation("licence", $"Unknown licence '{Shorten(unknown)}'.");
        return wanted;
    }

    // Error messages quote what the client sent; never a megabyte of it.
    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
