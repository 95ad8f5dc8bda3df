using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Memento.Domain.Model;
using Memento.Domain.Services.Reports;

namespace Memento.Server.Exports;

/// <summary>
/// Writers of the one-click exports. Each takes the report's stream and writes it to the response as it reads,
/// flushing every few hundred rows, so the download starts at once and memory stays flat (docs/exports.md).
/// </summary>
public static class ExportFormats
{
    private const int FlushEvery = 200;
    private static readonly JsonWriterOptions Json = new() { Indented = false };

    /// <summary>The manual's project_data columns, RFC 4180 quoting (Excel, pandas and Python's csv module read it).</summary>
    public static readonly string[] DataColumns = ["project", "category", "classification", "annotation", "image", "status", "label", "image_uri"];

    public static async Task DataCsvAsync(IAsyncEnumerable<ProjectDataRow> rows, Stream body, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(",", DataColumns));
        var n = 0;
        await foreach (var r in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(string.Join(",", new[] { r.Project, r.Category, r.Classification, r.Annotation,
                r.Image, r.Status, r.Label, r.ImageUri }.Select(Csv)));
            if (++n % FlushEvery == 0) await writer.FlushAsync(ct);
        }
    }

    /// <summary>
    /// A cell as RFC 4180 text. A cell a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
    /// apostrophe: annotation names are typed by anyone with access.
    /// </summary>
    public static string Csv(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny(['"', ',', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    public static Task DataJsonAsync(IAsyncEnumerable<ProjectDataRow> rows, Stream body, CancellationToken ct) =>
        ArrayAsync(rows, body, (w, r) =>
        {
            w.WriteString("project", r.Project); w.WriteString("category", r.Category);
            w.WriteString("classification", r.Classification); w.WriteString("annotation", r.Annotation);
            w.WriteString("image", r.Image); w.WriteString("status", r.Status); w.WriteString("label", r.Label);
            w.WriteString("image_uri", r.ImageUri);
        }, ct);

    public static Task CommentsJsonAsync(IAsyncEnumerable<ProjectCommentRow> rows, Stream body, CancellationToken ct) =>
        ArrayAsync(rows, body, (w, r) =>
        {
            w.WriteString("project", r.Project); w.WriteString("category", r.Category);
            w.WriteString("annotation", r.Annotation); w.WriteString("layer", r.Layer); w.WriteString("content", r.Content);
        }, ct);

    /// <summary>
    /// project_rois' rows (one per drawing layer with regions: project, category, annotation, layer) whose data is
    /// the list of the layer's regions as Fabric.js objects (<see cref="FabricObjects"/>).
    /// </summary>
    public static async Task RoisFabricAsync(IAsyncEnumerable<RoiRegion> regions, Stream body, CancellationToken ct)
    {
        await using var w = new Utf8JsonWriter(body, Json);
        w.WriteStartArray();
        long? layer = null;
        var n = 0;
        await foreach (var r in regions.WithCancellation(ct))
        {
            if (r.LayerId != layer)
            {
                if (layer is not null) { w.WriteEndArray(); w.WriteEndObject(); }
                layer = r.LayerId;
                w.WriteStartObject();
                w.WriteString("project", r.Project); w.WriteString("category", r.Category);
                w.WriteString("annotation", r.Annotation); w.WriteString("layer", r.Layer);
                w.WritePropertyName("data");
                w.WriteStartArray();
            }
            FabricObjects.For(r).WriteTo(w);
            if (++n % FlushEvery == 0) await w.FlushAsync(ct);
        }
        if (layer is not null) { w.WriteEndArray(); w.WriteEndObject(); }
        w.WriteEndArray();
        await w.FlushAsync(ct);
    }

    /// <summary>
    /// A QuPath-compatible GeoJSON FeatureCollection (RFC 7946): one Feature per region, coordinates in pixels of
    /// the full-resolution image (QuPath's convention: x right, y down), properties as QuPath writes them.
    /// </summary>
    public static async Task RoisGeoJsonAsync(IAsyncEnumerable<RoiRegion> regions, Stream body, CancellationToken ct)
    {
        await using var w = new Utf8JsonWriter(body, Json);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WritePropertyName("features");
        w.WriteStartArray();
        var n = 0;
        await foreach (var r in regions.WithCancellation(ct))
        {
            var points = RegionPoints.Of(r.Shape, r.GeometryJson);
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", $"region-{r.RegionId}");
            w.WritePropertyName("geometry");
            GeoJsonGeometry(w, r.Shape, points);
            w.WritePropertyName("properties");
            w.WriteStartObject();
            w.WriteString("objectType", "annotation");
            w.WriteString("name", r.Annotation);
            if (r.ObjectType is { } type)
            {
                w.WritePropertyName("classification");
                w.WriteStartObject();
                w.WriteString("name", type);
                w.WritePropertyName("color");
                w.WriteStartArray();
                foreach (var c in RegionColors.Rgb(r.StyleJson, type)) w.WriteNumberValue(c);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteBoolean("isLocked", false);
            w.WriteString("project", r.Project); w.WriteString("category", r.Category);
            w.WriteString("annotation", r.Annotation); w.WriteString("layer", r.Layer);
            if (r.ImageId is { } imageId) w.WriteNumber("imageId", imageId);
            w.WriteEndObject();
            w.WriteEndObject();
            if (++n % FlushEvery == 0) await w.FlushAsync(ct);
        }
        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync(ct);
    }

    private static void GeoJsonGeometry(Utf8JsonWriter w, RegionShape shape, IReadOnlyList<(double X, double Y)> points)
    {
        w.WriteStartObject();
        switch (shape)
        {
            case RegionShape.Point:
                w.WriteString("type", "Point");
                w.WritePropertyName("coordinates");
                Position(w, points[0]);
                break;
            case RegionShape.Line or RegionShape.Polyline:
                w.WriteString("type", "LineString");
                w.WritePropertyName("coordinates");
                w.WriteStartArray();
                foreach (var p in points) Position(w, p);
                w.WriteEndArray();
                break;
            default:
                // A closed linear ring: the first position repeated at the end (RFC 7946 §3.1.6).
                w.WriteString("type", "Polygon");
                w.WritePropertyName("coordinates");
                w.WriteStartArray();
                w.WriteStartArray();
                foreach (var p in points) Position(w, p);
                if (points.Count > 0 && points[0] != points[^1]) Position(w, points[0]);
                w.WriteEndArray();
                w.WriteEndArray();
                break;
        }
        w.WriteEndObject();
    }

    private static void Position(Utf8JsonWriter w, (double X, double Y) p)
    {
        w.WriteStartArray();
        w.WriteNumberValue(p.X);
        w.WriteNumberValue(p.Y);
        w.WriteEndArray();
    }

    private static async Task ArrayAsync<T>(IAsyncEnumerable<T> rows, Stream body, Action<Utf8JsonWriter, T> write,
        CancellationToken ct)
    {
        await using var w = new Utf8JsonWriter(body, Json);
        w.WriteStartArray();
        var n = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            w.WriteStartObject();
            write(w, row);
            w.WriteEndObject();
            if (++n % FlushEvery == 0) await w.FlushAsync(ct);
        }
        w.WriteEndArray();
        await w.FlushAsync(ct);
    }
}
