using System.Text.Json;
using Memento.Domain.Model;
using Memento.Domain.Services.Reports;

namespace Memento.Server.Exports;

/// <summary>
/// The ROIs as COCO object-detection JSON: "annotations" streamed first (one per region lying on an image), then
/// the "images" and "categories" they referred to (a few per project, collected on the way; key order does not
/// matter in JSON). Categories are the regions' object types; a region without one is in category "region".
/// Polygons and boxes have a segmentation and an area; lines and points have their points as segmentation and
/// area 0. Regions of annotations without an image layer cannot be placed and are left out.
/// </summary>
public static class CocoExport
{
    public const string Untyped = "region";

    public static async Task WriteAsync(IAsyncEnumerable<RoiRegion> regions,
        Func<IReadOnlyCollection<long>, IAsyncEnumerable<RoiImage>> images, string projectName, Stream body,
        CancellationToken ct)
    {
        await using var w = new Utf8JsonWriter(body);
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var imageIds = new HashSet<long>();
        w.WriteStartObject();
        w.WritePropertyName("info");
        w.WriteStartObject();
        w.WriteString("description", $"Memento ROIs of project {projectName}");
        w.WriteString("date_created", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
        w.WriteEndObject();
        w.WritePropertyName("annotations");
        w.WriteStartArray();
        var n = 0;
        await foreach (var r in regions.WithCancellation(ct))
        {
            if (r.ImageId is not { } imageId) continue;
            imageIds.Add(imageId);
            var type = r.ObjectType ?? Untyped;
            if (!categories.TryGetValue(type, out var categoryId)) categories[type] = categoryId = categories.Count + 1;
            var points = RegionPoints.Of(r.Shape, r.GeometryJson);
            var (x, y, width, height) = RegionPoints.Bounds(points);
            w.WriteStartObject();
            w.WriteNumber("id", r.RegionId);
            w.WriteNumber("image_id", imageId);
            w.WriteNumber("category_id", categoryId);
            w.WritePropertyName("segmentation");
            w.WriteStartArray();
            w.WriteStartArray();
            foreach (var (px, py) in points) { w.WriteNumberValue(px); w.WriteNumberValue(py); }
            w.WriteEndArray();
            w.WriteEndArray();
            w.WritePropertyName("bbox");
            w.WriteStartArray();
            w.WriteNumberValue(x); w.WriteNumberValue(y); w.WriteNumberValue(width); w.WriteNumberValue(height);
            w.WriteEndArray();
            w.WriteNumber("area", r.Shape is RegionShape.Polygon or RegionShape.Rectangle ? RegionPoints.Area(points) : 0);
            w.WriteNumber("iscrowd", 0);
            w.WriteString("annotation", r.Annotation);
            w.WriteString("layer", r.Layer);
            w.WriteEndObject();
            if (++n % 200 == 0) await w.FlushAsync(ct);
        }
        w.WriteEndArray();
        w.WritePropertyName("images");
        w.WriteStartArray();
        await foreach (var image in images(imageIds).WithCancellation(ct))
        {
            w.WriteStartObject();
            w.WriteNumber("id", image.Id);
            w.WriteNumber("width", image.Width ?? 0);
            w.WriteNumber("height", image.Height ?? 0);
            w.WriteString("file_name", image.OriginalFileName ?? image.Name);
            w.WriteString("memento_name", image.Name);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("categories");
        w.WriteStartArray();
        foreach (var (name, id) in categories.OrderBy(c => c.Value))
        {
            w.WriteStartObject();
            w.WriteNumber("id", id);
            w.WriteString("name", name);
            w.WriteString("supercategory", name == Untyped ? "" : "object");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync(ct);
    }
}
