using System.Text.Json;
using Memento.Imaging.Engine;

namespace Memento.Imaging.Tiles;

/// <summary>
/// Writes a IIIF Image API 3.0 level-0 layout from a finished Deep Zoom pyramid: <c>info.json</c> and full-image
/// renditions. A IIIF tile and the Deep Zoom tile of the same level are the same pixels, so IIIF tile URLs are served
/// from the Deep Zoom files (<see cref="IiifTileMap"/>) rather than stored twice.
/// Adds what libvips 8.14's <c>--layout iiif3</c> lacks: the <c>sizes</c> entry and full-image renditions
/// (<c>full/max</c>, <c>full/w,h</c> and <c>full/w,</c>) so viewers that start from a whole-image picture work.
/// </summary>
public static class IiifLayoutWriter
{
    /// <summary>
    /// Written as the service <c>id</c>; the tile endpoint replaces it with the public URL it serves the image under,
    /// which only the request knows (host, signed prefix).
    /// </summary>
    public const string IdPlaceholder = "https://iiif.invalid/memento-image";

    /// <summary>Full-image renditions cover levels whose longer side is in this range.</summary>
    public const int MinRenditionSide = 64, MaxRenditionSide = 2048;

    /// <summary>
    /// Writes <c>info.json</c> and the renditions. Multi-tile renditions are cut from <paramref name="overview"/>, the
    /// level fitting <see cref="MaxRenditionSide"/> as one picture, so no level's tiles are decoded twice.
    /// </summary>
    public static async Task WriteAsync(DeepZoomGeometry g, string dzFilesDir, string iiifDir, string ext,
        Ingest.LevelOverview overview, IImageEngine engine, CancellationToken ct)
    {
        Directory.CreateDirectory(iiifDir);
        // Tiles themselves are the Deep Zoom files, found through IiifTileMap when requested.
        var scaleFactors = new List<long>();
        for (var level = g.MaxLevel; level >= g.LevelFitting(g.TileSize); level--) scaleFactors.Add(g.ScaleOf(level));

        var sizes = await WriteRenditionsAsync(g, dzFilesDir, iiifDir, ext, overview, engine, ct);
        await WriteInfoAsync(g, iiifDir, scaleFactors, sizes, ct);
    }

    private static async Task<List<(int W, int H)>> WriteRenditionsAsync(DeepZoomGeometry g, string dzFilesDir,
        string iiifDir, string ext, Ingest.LevelOverview overview, IImageEngine engine, CancellationToken ct)
    {
        var sizes = new List<(int W, int H)>();
        var renders = new List<Task>();
        for (var level = 0; level <= g.MaxLevel; level++)
        {
            var (w, h) = g.LevelSize(level);
            var side = Math.Max(w, h);
            if (side > MaxRenditionSide) break;
            if (side < MinRenditionSide && level != g.MaxLevel) continue;
            var file = Path.Combine(iiifDir, "full", $"{w},{h}", "0", $"default.{ext}");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var (cols, rows) = g.TileGrid(level);
            if (cols * rows == 1)
                FileLinks.LinkOrCopy(Path.Combine(dzFilesDir, level.ToString(), $"0_0.{ext}"), file);
            else if (level == overview.Level)
                renders.Add(engine.RenderAsync(new RenderRequest([overview.Path], file), ct));
            else
                renders.Add(engine.RenderAsync(new RenderRequest([overview.Path], file) { ExactSize = (w, h) }, ct));
            sizes.Add((w, h));
        }
        // Small, independent vips processes: run together rather than pay each start-up in turn.
        await Task.WhenAll(renders);
        foreach (var (w, h) in sizes)
        {
            // "w," is the form IIIF 2 clients and some IIIF 3 viewers ask for; same file.
            var byWidth = Path.Combine(iiifDir, "full", $"{w},", "0");
            Directory.CreateDirectory(byWidth);
            FileLinks.LinkOrCopy(Path.Combine(iiifDir, "full", $"{w},{h}", "0", $"default.{ext}"), Path.Combine(byWidth, $"default.{ext}"));
        }
        var (mw, mh) = sizes[^1];
        var max = Path.Combine(iiifDir, "full", "max", "0");
        Directory.CreateDirectory(max);
        FileLinks.LinkOrCopy(Path.Combine(iiifDir, "full", $"{mw},{mh}", "0", $"default.{ext}"), Path.Combine(max, $"default.{ext}"));
        return sizes;
    }

    private static async Task WriteInfoAsync(DeepZoomGeometry g, string iiifDir, List<long> scaleFactors,
        List<(int W, int H)> sizes, CancellationToken ct)
    {
        var (mw, mh) = sizes[^1];
        await using var stream = File.Create(Path.Combine(iiifDir, "info.json"));
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("@context", "http://iiif.io/api/image/3/context.json");
        json.WriteString("id", IdPlaceholder);
        json.WriteString("type", "ImageService3");
        json.WriteString("protocol", "http://iiif.io/api/image");
        json.WriteString("profile", "level0");
        json.WriteNumber("width", g.Width);
        json.WriteNumber("height", g.Height);
        // "max" is the largest stored rendition; the spec requires maxWidth/maxHeight to say so when it is smaller.
        if (mw < g.Width || mh < g.Height)
        {
            json.WriteNumber("maxWidth", mw);
            json.WriteNumber("maxHeight", mh);
        }
        json.WriteStartArray("sizes");
        foreach (var (w, h) in sizes)
        {
            json.WriteStartObject();
            json.WriteNumber("width", w);
            json.WriteNumber("height", h);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("tiles");
        json.WriteStartObject();
        json.WriteNumber("width", g.TileSize);
        json.WriteNumber("height", g.TileSize);
        json.WriteStartArray("scaleFactors");
        foreach (var s in scaleFactors) json.WriteNumberValue(s);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }
}
