using Memento.Domain.Data;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Datasets;

/// <summary>
/// Reads <see cref="Picture"/>s for ids the caller was already allowed to see (the search's page, one picture of
/// the JSON API), in the order given: four queries whatever the page size (images, licences, replacements, regions),
/// never one per picture. An image's regions are those of the drawing layers of every annotation that shows it.
/// </summary>
public sealed class PictureReader(MementoDbContext db)
{
    public async Task<IReadOnlyList<Picture>> ReadAsync(IReadOnlyList<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return [];
        var wanted = ids.Distinct().ToList();
        var rows = await db.Images.AsNoTracking().Where(i => wanted.Contains(i.Id))
            .Select(i => new
            {
                i.Id, i.ProjectId, i.Title, i.Description, Author = i.Uploader == null ? null : i.Uploader.UserName,
                i.OriginUrl, i.UploadedAt, i.Width, i.Height, i.MimeType, i.NatureId, i.ReplacesId, i.CopiedFromId,
            })
            .ToDictionaryAsync(i => i.Id, ct);
        var licences = (await db.ImageLicences.AsNoTracking().Where(l => wanted.Contains(l.ImageId))
                .OrderBy(l => l.LicenceId).Select(l => new { l.ImageId, l.LicenceId }).ToListAsync(ct))
            .ToLookup(l => l.ImageId, l => l.LicenceId);
        var replacedBy = await db.Images.AsNoTracking()
            .Where(i => i.ReplacesId != null && wanted.Contains(i.ReplacesId.Value))
            .Select(i => new { Old = i.ReplacesId!.Value, New = i.Id })
            .ToDictionaryAsync(r => r.Old, r => r.New, ct);
        var regions = (await (
                from shown in db.Layers
                where shown.ImageId != null && wanted.Contains(shown.ImageId.Value)
                from drawing in db.Layers
                where drawing.AnnotationId == shown.AnnotationId && drawing.Kind == LayerKind.Drawing
                from r in db.Regions
                where r.LayerId == drawing.Id
                orderby r.Id
                select new { ImageId = shown.ImageId!.Value, r.Id, r.Shape, r.GeometryJson, r.ObjectTypeId })
                .AsNoTracking().ToListAsync(ct))
            // An annotation showing the image in two layers must not double its regions.
            .DistinctBy(r => (r.ImageId, r.Id))
            .ToLookup(r => r.ImageId);

        var pictures = new List<Picture>(ids.Count);
        foreach (var id in ids)
        {
            if (!rows.TryGetValue(id, out var i)) continue;
            pictures.Add(new Picture(i.Id, i.ProjectId, i.Title, i.Description, i.Author, i.OriginUrl, i.UploadedAt,
                i.Width, i.Height, i.MimeType, i.NatureId, licences[id].ToList(), i.ReplacesId,
                replacedBy.TryGetValue(id, out var newer) ? newer : null, i.CopiedFromId,
                regions[id].Select(r => new PictureRegion(PictureCoordinates.TypeName(r.Shape),
                    PictureCoordinates.ToFractions(r.GeometryJson, i.Width, i.Height), r.ObjectTypeId)).ToList()));
        }
        return pictures;
    }

    /// <summary>Average stars and the count of each grade, by one grouped query.</summary>
    public async Task<PictureRatings> RatingsAsync(long imageId, CancellationToken ct = default)
    {
        var grades = await db.Ratings.AsNoTracking().Where(r => r.ImageId == imageId)
            .GroupBy(r => r.Stars).Select(g => new { Stars = g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = Enumerable.Range(1, 5).Select(s => grades.FirstOrDefault(g => g.Stars == s)?.Count ?? 0).ToList();
        var total = counts.Sum();
        return new PictureRatings(total == 0 ? null : grades.Sum(g => (double)g.Stars * g.Count) / total, counts);
    }
}
