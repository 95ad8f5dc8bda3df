using Memento.Domain.Authorization;
using Memento.Domain.Datasets;
using Memento.Domain.Model;
using Memento.Domain.Services.Regions;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Pictures;

// Regions in the document's raw format: checked as a whole before anything is stored, then kept as ordinary Region
// rows in pixels on a drawing layer owned by their author (one layer per author per picture).
public sealed partial class PictureService
{
    /// <summary>At most this many regions per call (and so per author per picture).</summary>
    public const int MaxRegions = 10_000;

    /// <summary>
    /// Replaces the caller's regions on the picture (their drawing layer in the picture's dataset annotation). In the
    /// dataset project any signed-in user who can search the picture annotates it (the document's crowd model; each
    /// author's regions are theirs alone); elsewhere, the uploader and the project's administrators.
    /// </summary>
    public async Task<Picture> SetRegionsAsync(Caller caller, long id, IReadOnlyList<PictureRegionInput> regions,
        CancellationToken ct = default)
    {
        var userId = caller.RequireUserId();
        var image = await policy.SearchableImages(caller).Where(i => i.Id == id)
            .Select(i => new { i.ProjectId, i.UploaderId, i.Width, i.Height }).SingleOrDefaultAsync(ct) ?? throw NotFound(id);
        if (image.ProjectId != await dataset.FindIdAsync(ct) && image.UploaderId != userId
            && !await policy.CanAdministerProjectAsync(caller, image.ProjectId, ct))
            throw MementoException.Forbidden("Outside the dataset project, a picture's regions are set by its uploader and its project's administrators.");
        var checkedRegions = await CheckRegionsAsync(regions, ct);
        if (image.Width is not > 0 || image.Height is not > 0)
            throw MementoException.Validation("id", "The picture is still being processed; set its regions once it is ready.");
        var now = clock.GetUtcNow();
        var rows = ToRegions(checkedRegions, image.Width.Value, image.Height.Value, userId, now);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var annotationId = await DatasetAnnotations(id).Cast<long?>().FirstOrDefaultAsync(ct);
        if (annotationId is null)
        {
            var annotation = new Annotation
            {
                CategoryId = await dataset.CategoryIdAsync(image.ProjectId, ct), Name = $"Picture {id}", CreatedAt = now,
            };
            annotation.Layers.Add(new Layer
            {
                Name = "Picture", Kind = LayerKind.Image, ImageId = id, Sequence = 1, CreatedAt = now,
                Settings = Layers.LayerSettings.Validate(LayerKind.Image, ""),
            });
            db.Annotations.Add(annotation);
            await db.SaveChangesAsync(ct);
            annotationId = annotation.Id;
        }
        var layer = await db.Layers.Where(l => l.AnnotationId == annotationId && l.Kind == LayerKind.Drawing && l.OwnerId == userId)
            .OrderBy(l => l.Id).FirstOrDefaultAsync(ct);
        if (layer is null)
        {
            var fresh = DrawingLayer(userId, now, rows);
            fresh.AnnotationId = annotationId.Value;
            fresh.Sequence = (await db.Layers.Where(l => l.AnnotationId == annotationId).MaxAsync(l => (int?)l.Sequence, ct) ?? 0) + 1;
            db.Layers.Add(fresh);
        }
        else
        {
            await db.Regions.Where(r => r.LayerId == layer.Id).ExecuteDeleteAsync(ct);
            foreach (var row in rows) row.LayerId = layer.Id;
            db.Regions.AddRange(rows);
            // Viewers holding the layer see a newer version and reload instead of overwriting these regions.
            layer.Version++;
            layer.ChangedById = userId;
            layer.ChangedAt = now;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return await GetAsync(caller, id, ct);
    }

    /// <summary>Validates every region (type, shape in [0, 1], registered object) and the count, naming what is wrong.</summary>
    private async Task<List<(RegionShape Shape, PictureRegionInput Input)>> CheckRegionsAsync(
        IReadOnlyList<PictureRegionInput> regions, CancellationToken ct)
    {
        if (regions.Count > MaxRegions)
            throw MementoException.Validation("annotations", $"A picture takes at most {MaxRegions:N0} regions per author.");
        var checkedRegions = new List<(RegionShape, PictureRegionInput)>(regions.Count);
        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            try
            {
                if (string.IsNullOrWhiteSpace(region.Object))
                    throw MementoException.Validation("object", "Each region needs the id of a registered object type.");
                var shape = RegionGeometry.ParseType(region.Type ?? "");
                if (shape == RegionShape.Line) shape = RegionShape.Polyline; // the document has no 'line'; a 2-point polyline is one
                PictureCoordinates.ToPixels(shape, region.Shape, 1, 1); // shape and [0, 1] range, before the file is read
                checkedRegions.Add((shape, region));
            }
            catch (MementoException e) when (e.Code == ErrorCode.Validation)
            {
                throw MementoException.Validation(e.Field ?? "annotations", $"Region {i + 1}: {e.Message}");
            }
        }
        var objects = checkedRegions.Select(r => r.Item2.Object!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.ObjectTypes.Where(o => objects.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        var unknown = objects.Except(known, StringComparer.Ordinal).Select(o => $"'{Shorten(o)}'").Take(10).ToList();
        if (unknown.Count > 0)
            throw MementoException.Validation("object", $"Unknown object {string.Join(", ", unknown)}: register object types before using them.");
        return checkedRegions;
    }

    private static List<Region> ToRegions(IEnumerable<(RegionShape Shape, PictureRegionInput Input)> regions, int width,
        int height, long userId, DateTimeOffset now) =>
        regions.Select(r => new Region
        {
            Shape = r.Shape, GeometryJson = PictureCoordinates.ToPixels(r.Shape, r.Input.Shape, width, height),
            ObjectTypeId = r.Input.Object!.Trim(), CreatedById = userId, CreatedAt = now,
        }).ToList();

    private static Layer DrawingLayer(long userId, DateTimeOffset now, List<Region> regions)
    {
        var layer = new Layer
        {
            Name = "Regions", Kind = LayerKind.Drawing, OwnerId = userId, Sequence = 2, CreatedAt = now,
            Settings = Layers.LayerSettings.Validate(LayerKind.Drawing, ""),
        };
        layer.Regions.AddRange(regions);
        return layer;
    }
}
