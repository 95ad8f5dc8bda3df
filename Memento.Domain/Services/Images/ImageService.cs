using System.Linq.Expressions;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Images;

/// <summary>
/// Image records of a project: lookup, list, registration (a Pending record), external URLs, metadata. An image's
/// files and states after registration (queue, replace, Ready/Failed, delete) belong to <see cref="ImageLifecycle"/>.
/// </summary>
public sealed class ImageService(MementoDbContext db, AccessPolicy policy, TimeProvider clock)
{
    /// <summary>The read model as one SQL projection, for the API's batched loaders too.</summary>
    public static readonly Expression<Func<Image, ImageInfo>> ToInfo = i => new ImageInfo(i.Id, i.ProjectId, i.Name,
        i.Type, i.FormatCode, i.ExternalUrl, i.Width, i.Height, i.State, i.Error, i.Title, i.Description, i.UploadedAt,
        i.Bands, i.BitDepth, i.ProgressPercent, i.OriginUrl, i.NatureId, i.StorageDirectory);

    public async Task<ImageInfo> GetAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await policy.RequireReadImageAsync(caller, id, ct);
        return await db.Images.AsNoTracking().Where(i => i.Id == id).Select(ToInfo).SingleAsync(ct);
    }

    public async Task<ImageInfo?> FindByNameAsync(Caller caller, long projectId, string name,
        CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, projectId, ct);
        return await policy.VisibleImages(caller).AsNoTracking()
            .Where(i => i.ProjectId == projectId && i.Name == name.Trim()).Select(ToInfo).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// The project's images the caller may see (a category participant sees those of its annotations), as a query
    /// the API's list pages, filters and projects in the database.
    /// </summary>
    public async Task<IQueryable<Image>> VisibleInProjectAsync(Caller caller, long projectId, CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, projectId, ct);
        return policy.VisibleImages(caller).AsNoTracking().Where(i => i.ProjectId == projectId);
    }

    /// <summary>An image row (possibly projected to a few columns) as the API returns it.</summary>
    public static readonly Func<Image, ImageInfo> Info = ToInfo.Compile();

    /// <summary>
    /// The project's READY images (what a new layer may show) whose name contains <paramref name="search"/>, by
    /// name, at most <paramref name="take"/>: pickers search in the database instead of listing thousands.
    /// </summary>
    public async Task<(List<ImageInfo> Items, bool HasMore)> ReadyAsync(Caller caller, long projectId, string? search,
        int take, CancellationToken ct = default)
    {
        var query = (await VisibleInProjectAsync(caller, projectId, ct)).Where(i => i.State == ImageProcessingState.Ready);
        var needle = search?.Trim() ?? "";
        if (needle.Length > 0) query = query.Where(i => i.Name.Contains(needle));
        var rows = await query.OrderBy(i => i.Name).ThenBy(i => i.Id).Take(take + 1).Select(ToInfo).ToListAsync(ct);
        return (rows.Take(take).ToList(), rows.Count > take);
    }

    /// <summary>
    /// Registers an image: for type '' or 'T' a Pending record the upload fills; for 'E' a Ready record pointing at
    /// <paramref name="externalUrl"/>. CONFLICT when the project already has an image with this name.
    /// </summary>
    public async Task<ImageInfo> CreateAsync(Caller caller, long projectId, string name, int formatCode,
        string? typeCode, string? externalUrl = null, string? originalFileName = null, CancellationToken ct = default)
    {
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        var image = New(caller, projectId, name, formatCode, typeCode, externalUrl, originalFileName);
        await Saving.AddAsync(db, image, $"The project already has an image named '{image.Name}'.", ct);
        return await GetAsync(caller, image.Id, ct);
    }

    /// <summary>The project's image with this name (nothing to upload), or a new record as <see cref="CreateAsync"/>.</summary>
    public async Task<(ImageInfo Image, bool Created)> GetOrCreateAsync(Caller caller, long projectId, string name,
        int formatCode, string? typeCode, string? externalUrl = null, string? originalFileName = null,
        CancellationToken ct = default)
    {
        var fresh = New(caller, projectId, name, formatCode, typeCode, externalUrl, originalFileName);
        if (await FindByNameAsync(caller, projectId, fresh.Name, ct) is { } existing) return (existing, false);
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        var (id, created) = await Saving.GetOrCreateAsync(db,
            token => db.Images.Where(i => i.ProjectId == projectId && i.Name == fresh.Name).Select(i => (long?)i.Id)
                .SingleOrDefaultAsync(token),
            () => fresh, i => i.Id, ct);
        return (await GetAsync(caller, id, ct), created);
    }

    /// <summary>Changes name, title, description or origin URL; null leaves a value unchanged, "" clears the URL.</summary>
    public async Task<ImageInfo> EditAsync(Caller caller, long id, string? name = null, string? title = null,
        string? description = null, CancellationToken ct = default, string? originUrl = null)
    {
        await RequireAdministerAsync(caller, id, ct);
        var image = await db.Images.SingleAsync(i => i.Id == id, ct);
        if (name is not null) image.Name = Inputs.Name(name, max: 255);
        if (title is not null) image.Title = Inputs.Settings(title, "title", 500);
        if (description is not null) image.Description = Inputs.Settings(description, "description", 10_000);
        if (originUrl is not null) image.OriginUrl = originUrl.Trim().Length == 0 ? null : ImageUrls.ExternalUrl(originUrl);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            throw MementoException.Conflict("The project already has an image with this name.");
        }
        db.ChangeTracker.Clear();
        return await GetAsync(caller, id, ct);
    }

    /// <summary>
    /// Sets the image's nature ("" clears it) and, when <paramref name="licences"/> is not null, replaces its licences.
    /// Unknown ids are a VALIDATION error and change nothing.
    /// </summary>
    public async Task SetNatureAndLicencesAsync(Caller caller, long id, string? nature, IReadOnlyList<string>? licences,
        CancellationToken ct = default)
    {
        if (nature is null && licences is null) return;
        await RequireAdministerAsync(caller, id, ct);
        var image = await db.Images.SingleAsync(i => i.Id == id, ct);
        if (nature is not null)
        {
            var trimmed = nature.Trim();
            if (trimmed.Length > 0 && !await db.Natures.AnyAsync(n => n.Id == trimmed, ct))
                throw MementoException.Validation("nature", $"Unknown image nature '{trimmed}'.");
            image.NatureId = trimmed.Length == 0 ? null : trimmed;
        }
        if (licences is not null)
        {
            var wanted = licences.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().ToList();
            var known = await db.Licences.Where(l => wanted.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct);
            if (wanted.Except(known).FirstOrDefault() is { } unknown)
                throw MementoException.Validation("licences", $"Unknown licence '{unknown}'.");
            db.ImageLicences.RemoveRange(await db.ImageLicences.Where(l => l.ImageId == id).ToListAsync(ct));
            db.ImageLicences.AddRange(wanted.Select(l => new ImageLicence { ImageId = id, LicenceId = l }));
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The licence ids of an image the caller may read.</summary>
    public async Task<List<string>> GetLicencesAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await policy.RequireReadImageAsync(caller, id, ct);
        return await db.ImageLicences.AsNoTracking().Where(l => l.ImageId == id).OrderBy(l => l.LicenceId)
            .Select(l => l.LicenceId).ToListAsync(ct);
    }

    private Image New(Caller caller, long projectId, string name, int formatCode, string? typeCode,
        string? externalUrl, string? originalFileName)
    {
        var type = ManualCodes.ParseImageType(typeCode);
        var image = new Image
        {
            ProjectId = projectId, Name = Inputs.Name(name, max: 255), FormatCode = ManualCodes.ImageFormat(formatCode),
            Type = type, UploaderId = caller.UserId, UploadedAt = clock.GetUtcNow(),
            OriginalFileName = originalFileName is null ? null : Path.GetFileName(originalFileName)[..Math.Min(500, Path.GetFileName(originalFileName).Length)],
            State = ImageProcessingState.Pending,
        };
        if (type == ImageType.External)
        {
            image.ExternalUrl = ImageUrls.ExternalUrl(externalUrl);
            image.State = ImageProcessingState.Ready; // nothing to process: the browser loads the URL itself
        }
        return image;
    }

    private async Task RequireAdministerAsync(Caller caller, long id, CancellationToken ct)
    {
        var projectId = await db.Images.Where(i => i.Id == id).Select(i => (long?)i.ProjectId).SingleOrDefaultAsync(ct)
            ?? throw MementoException.NotFound("Image", id);
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
    }
}
