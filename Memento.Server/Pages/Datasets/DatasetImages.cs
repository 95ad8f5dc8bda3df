using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Services.Images;
using Memento.Server.Endpoints;
using Memento.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Memento.Server.Pages.Datasets;

/// <summary>
/// The signed preview URLs of pictures the caller was already allowed to see (a search's page, the picture page):
/// one query for the whole page. Only ever called with ids a dataset service returned to this caller.
/// </summary>
public sealed class DatasetImages(MementoDbContext db, IImageFiles files, IOptions<MementoOptions> options)
{
    public async Task<IReadOnlyDictionary<long, ImageInfo>> InfosAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return new Dictionary<long, ImageInfo>();
        return await db.Images.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(ImageService.ToInfo)
            .ToDictionaryAsync(i => i.Id, ct);
    }

    public string? Thumbnail(ImageInfo image, Caller caller) => ImageFileUrls.Thumbnail(files, image, caller);

    /// <summary>The largest stored rendition (the picture page shows the image whole), else the thumbnail.</summary>
    public string? Largest(ImageInfo image, Caller caller) =>
        ImageRenditions.LargestUrl(options.Value.DataPath, files, image, caller) ?? Thumbnail(image, caller);
}
