using Memento.Imaging.Engine;
using Memento.Imaging.Tiles;

namespace Memento.Imaging.Ingest;

/// <summary>
/// One Deep Zoom level assembled into a single picture: the IIIF renditions, the statistics of a large image, the
/// thumbnail and the display copy are all cut from it. Assembling a level costs two vips processes (join, crop);
/// doing it once instead of once per output is most of what ingest adds to the pyramid itself.
/// </summary>
public sealed record LevelOverview(int Level, string Path, bool IsScratch)
{
    public const string ScratchName = ".overview.tif";

    public static async Task<LevelOverview> CreateAsync(DeepZoomGeometry g, string tilesDir, string ext, int maxSide,
        string work, IImageEngine engine, CancellationToken ct)
    {
        var level = g.LevelFitting(maxSide);
        var (cols, rows) = g.TileGrid(level);
        if (cols * rows == 1) return new LevelOverview(level, System.IO.Path.Combine(tilesDir, level.ToString(), $"0_0.{ext}"), false);
        var tiles = new List<string>(cols * rows);
        for (var y = 0; y < rows; y++)
            for (var x = 0; x < cols; x++) tiles.Add(System.IO.Path.Combine(tilesDir, level.ToString(), $"{x}_{y}.{ext}"));
        var path = System.IO.Path.Combine(work, ScratchName);
        await engine.RenderAsync(new RenderRequest(tiles, path) { Across = cols, CropTo = g.LevelSize(level) }, ct);
        return new LevelOverview(level, path, true);
    }

    /// <summary>Removes the assembled picture; a single-tile overview is the tile itself and stays.</summary>
    public void DeleteScratch()
    {
        if (IsScratch) File.Delete(Path);
    }
}
