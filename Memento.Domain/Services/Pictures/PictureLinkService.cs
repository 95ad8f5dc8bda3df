using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Memento.Domain.Services.Images;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Pictures;

/// <summary>
/// Links between pictures: a replacement (a newer picture supersedes an older one; the search hides replaced
/// pictures unless asked) and a copy (a picture duplicated into another project, remembering its source).
/// <para>Replacing needs the right to administer both pictures' projects (project administrators, owners, system
/// administrators): a replacement changes what the older picture's project shows in searches, so its administrators
/// decide, and the uploader alone does not (an uploader may have lost their role since).</para>
/// </summary>
public sealed class PictureLinkService(MementoDbContext db, AccessPolicy policy, ImageDirectories directories,
    TimeProvider clock)
{
    /// <summary>How long a chain of replacements may grow; the cycle check walks at most this far.</summary>
    public const int MaxChain = 1000;

    /// <summary>Named in the target project for the annotation that carries a copy's regions.</summary>
    public const string CopiesCategory = "Copied pictures";

    /// <summary>
    /// Makes <paramref name="imageId"/> the replacement of <paramref name="replacesId"/> (null: it replaces nothing
    /// any more). CONFLICT when the older picture already has another replacement; VALIDATION for a cycle.
    /// </summary>
    public async Task ReplaceAsync(Caller caller, long imageId, long? replacesId, CancellationToken ct = default)
    {
        await RequireAdministerAsync(caller, imageId, "id", ct);
        if (replacesId is { } older)
        {
            if (older == imageId) throw MementoException.Validation("replacesId", "A picture cannot replace itself.");
            await RequireAdministerAsync(caller, older, "replacesId", ct);
            var current = await db.Images.Where(i => i.ReplacesId == older && i.Id != imageId)
                .Select(i => (long?)i.Id).FirstOrDefaultAsync(ct);
            if (current is { } other)
                throw MementoException.Conflict(await policy.SearchableImages(caller).AnyAsync(i => i.Id == other, ct)
                    ? $"Picture {older} is already replaced by picture {other}."
                    : $"Picture {older} already has a replacement.");
            // imageId → older → older's predecessor …: reaching imageId again would make a loop.
            long? step = older;
            for (var hops = 0; step is { } at; hops++)
            {
                if (at == imageId)
                    throw MementoException.Validation("replacesId",
                        $"Picture {older} already descends from picture {imageId}: replacing it would make a loop.");
                if (hops >= MaxChain)
                    throw MementoException.Validation("replacesId", $"A chain of replacements is at most {MaxChain} long.");
                step = await db.Images.Where(i => i.Id == at).Select(i => i.ReplacesId).SingleOrDefaultAsync(ct);
            }
        }
        var image = await db.Images.SingleAsync(i => i.Id == imageId, ct);
        image.ReplacesId = replacesId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another replacement of the same picture was saved meanwhile: the unique index keeps one.
            throw MementoException.Conflict($"Picture {replacesId} already has a replacement.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Copies a picture the caller can read into a project the caller administers: a new picture with the same
    /// metadata, licences and nature, its own copy of the files, <c>CopiedFromId</c> set, and the source's regions
    /// on a drawing layer of a new annotation (category <see cref="CopiesCategory"/>) showing the copy.
    /// </summary>
    public async Task<long> CopyAsync(Caller caller, long imageId, long targetProjectId, CancellationToken ct = default)
    {
        var userId = caller.RequireUserId();
        var source = await policy.SearchableImages(caller).AsNoTracking().Where(i => i.Id == imageId).SingleOrDefaultAsync(ct)
            ?? throw MementoException.NotFound("Picture", imageId);
        await policy.RequireAdministerProjectAsync(caller, targetProjectId, ct);
        if (source.State != ImageProcessingState.Ready)
            throw MementoException.Validation("id", $"Picture {imageId} is not ready yet; copy it once it is processed.");
        var licences = await db.ImageLicences.AsNoTracking().Where(l => l.ImageId == imageId).Select(l => l.LicenceId).ToListAsync(ct);
        var regions = await RegionsOfAsync(imageId, ct);
        var now = clock.GetUtcNow();

        string? directory = null;
        if (source.StorageDirectory is { } from)
        {
            directory = directories.NewVersion(targetProjectId).Directory;
            try
            {
                DirectoryCopy.Copy(directories.Full(from), directories.Full(directory), ct);
            }
            catch
            {
                directories.Delete(directory);
                throw;
            }
        }
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var copy = new Image
            {
                ProjectId = targetProjectId, Name = await FreeImageNameAsync(targetProjectId, source.Name, ct),
                Type = source.Type, FormatCode = source.FormatCode, ExternalUrl = source.ExternalUrl,
                Width = source.Width, Height = source.Height, Bands = source.Bands, BitDepth = source.BitDepth,
                Pages = source.Pages, MimeType = source.MimeType, StorageDirectory = directory,
                OriginalFileName = source.OriginalFileName, State = ImageProcessingState.Ready, ProgressPercent = 100,
                ChannelStatisticsJson = source.ChannelStatisticsJson, UploaderId = userId, UploadedAt = now,
                Title = source.Title, Description = source.Description, OriginUrl = source.OriginUrl,
                NatureId = source.NatureId, CopiedFromId = source.Id,
            };
            db.Images.Add(copy);
            await db.SaveChangesAsync(ct);
            db.ImageLicences.AddRange(licences.Select(l => new ImageLicence { ImageId = copy.Id, LicenceId = l }));
            if (regions.Count > 0) await AddRegionsAsync(copy, userId, regions, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return copy.Id;
        }
        catch
        {
            db.ChangeTracker.Clear();
            directories.Delete(directory);
            throw;
        }
    }

    // Every region drawn over the image, as the dataset reads them (drawing layers of annotations showing it).
    private async Task<List<Region>> RegionsOfAsync(long imageId, CancellationToken ct) =>
        (await (from shown in db.Layers
                where shown.ImageId == imageId
                from drawing in db.Layers
                where drawing.AnnotationId == shown.AnnotationId && drawing.Kind == LayerKind.Drawing
                from r in db.Regions
                where r.LayerId == drawing.Id
                orderby r.Id
                select r).AsNoTracking().ToListAsync(ct))
        .DistinctBy(r => r.Id).ToList();

    private async Task AddRegionsAsync(Image copy, long userId, List<Region> regions, DateTimeOffset now, CancellationToken ct)
    {
        var categoryId = await db.Categories.Where(c => c.ProjectId == copy.ProjectId && c.Name == CopiesCategory)
            .Select(c => (long?)c.Id).SingleOrDefaultAsync(ct);
        if (categoryId is null)
        {
            var category = new Category { ProjectId = copy.ProjectId, Name = CopiesCategory, CreatedAt = now };
            db.Categories.Add(category);
            await db.SaveChangesAsync(ct);
            categoryId = category.Id;
        }
        var annotation = new Annotation
        {
            CategoryId = categoryId.Value, Name = await FreeAnnotationNameAsync(categoryId.Value, copy.Name, ct), CreatedAt = now,
        };
        db.Annotations.Add(annotation);
        await db.SaveChangesAsync(ct);
        db.Layers.Add(new Layer
        {
            AnnotationId = annotation.Id, ImageId = copy.Id, Name = "Image", Kind = LayerKind.Image, Sequence = 1, CreatedAt = now,
        });
        var drawing = new Layer
        {
            AnnotationId = annotation.Id, Name = "Regions", Kind = LayerKind.Drawing, Sequence = 2, OwnerId = userId,
            CreatedAt = now,
        };
        db.Layers.Add(drawing);
        await db.SaveChangesAsync(ct);
        db.Regions.AddRange(regions.Select(r => new Region
        {
            LayerId = drawing.Id, Shape = r.Shape, GeometryJson = r.GeometryJson, StyleJson = r.StyleJson,
            ObjectTypeId = r.ObjectTypeId, CreatedById = userId, CreatedAt = now,
        }));
    }

    private async Task<string> FreeImageNameAsync(long projectId, string name, CancellationToken ct)
    {
        var taken = await db.Images.Where(i => i.ProjectId == projectId && i.Name.StartsWith(name)).Select(i => i.Name).ToListAsync(ct);
        return Free(name, taken);
    }

    private async Task<string> FreeAnnotationNameAsync(long categoryId, string name, CancellationToken ct)
    {
        var taken = await db.Annotations.Where(a => a.CategoryId == categoryId && a.Name.StartsWith(name)).Select(a => a.Name).ToListAsync(ct);
        return Free(name, taken);
    }

    // "cell.png", then "cell.png (copy)", "cell.png (copy 2)"…: names are unique within a project or category.
    private static string Free(string name, List<string> taken)
    {
        var set = taken.ToHashSet(StringComparer.Ordinal);
        if (!set.Contains(name)) return name;
        name = name.Length > 230 ? name[..230] : name; // names are at most 255 characters
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? $"{name} (copy)" : $"{name} (copy {n})";
            if (!set.Contains(candidate)) return candidate;
        }
    }

    private async Task RequireAdministerAsync(Caller caller, long imageId, string field, CancellationToken ct)
    {
        caller.RequireUserId(); // links need an account: anonymous callers are asked to sign in first
        var projectId = await policy.SearchableImages(caller).Where(i => i.Id == imageId).Select(i => (long?)i.ProjectId)
            .SingleOrDefaultAsync(ct) ?? throw MementoException.NotFound("Picture", imageId);
        if (!await policy.CanAdministerProjectAsync(caller, projectId, ct))
            throw MementoException.Forbidden($"Only the project's administrators can link picture {imageId} ({field}).");
    }
}
