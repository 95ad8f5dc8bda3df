using System.Text.Json;
using Memento.Imaging.Engine;

namespace Memento.Imaging.Ingest;

/// <summary>
/// Writes <c>stats.json</c> (per-channel statistics for the viewer's default windows) and <c>image.json</c>
/// (what ingest recorded, so the tile endpoint knows the tile format without asking the database).
/// </summary>
internal static class ManifestWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task WriteAsync(string dir, IngestResult r, CancellationToken ct)
    {
        var stats = new
        {
            bitDepth = r.Header.BitDepth,
            channels = r.Statistics.Select(s => new { channel = s.Channel, min = s.Min, max = s.Max, mean = s.Mean, p1 = s.P1, p99 = s.P99 }),
        };
        await File.WriteAllTextAsync(Path.Combine(dir, IngestResult.StatisticsFile), JsonSerializer.Serialize(stats, Json), ct);
        var manifest = new
        {
            width = r.Header.Width,
            height = r.Header.Height,
            bands = r.Header.Bands,
            bitDepth = r.Header.BitDepth,
            pages = r.Header.Pages,
            container = r.Container.ToString().ToLowerInvariant(),
            wholeSlide = r.Header.IsWholeSlide,
            formatCode = (int)r.FormatCode,
            tileFormat = r.TileFormat == TileFormat.Png ? "png" : "jpg",
            tileSize = 256,
            original = r.OriginalFile,
            thumbnail = r.ThumbnailFile,
            display = r.DisplayFile,
        };
        await File.WriteAllTextAsync(Path.Combine(dir, IngestResult.ManifestFile), JsonSerializer.Serialize(manifest, Json), ct);
    }
}
