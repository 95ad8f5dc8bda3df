using System.Globalization;

namespace Memento.Imaging.Tiles;

/// <summary>
/// Maps a IIIF level-0 tile request (<c>{x},{y},{w},{h}/{sw},{sh}/0/default.{ext}</c>) onto the Deep Zoom tile holding
/// the same pixels. Materialising the IIIF tiles on disk, even as hard links, cost ingest a third of the
/// <c>vips dzsave</c> time on a 20000x20000 image (three directories and a link per tile); mapping costs nothing.
/// Only the exact regions and sizes that info.json advertises resolve; anything else is not a tile.
/// </summary>
public static class IiifTileMap
{
    /// <summary>The Deep Zoom path (<c>image_files/{level}/{col}_{row}.{ext}</c>), or null when not a tile we have.</summary>
    public static string? ToDeepZoom(DeepZoomGeometry g, string region, string size, string ext)
    {
        var r = region.Split(',');
        var s = size.Split(',');
        if (r.Length != 4 || s.Length != 2) return null;
        if (!long.TryParse(r[0], NumberStyles.None, CultureInfo.InvariantCulture, out var x)
            || !long.TryParse(r[1], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !long.TryParse(r[2], NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            || !long.TryParse(r[3], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(s[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sw)
            || !int.TryParse(s[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sh)
            || sw <= 0 || sh <= 0) return null;

        var lowest = g.LevelFitting(g.TileSize);
        for (var level = g.MaxLevel; level >= lowest; level--)
        {
            var scale = g.ScaleOf(level);
            var span = g.TileSize * scale;
            if (x % span != 0 || y % span != 0) continue;
            var col = (int)(x / span);
            var row = (int)(y / span);
            var (cols, rows) = g.TileGrid(level);
            if (col >= cols || row >= rows) continue;
            if (w != Math.Min(span, g.Width - x) || h != Math.Min(span, g.Height - y)) continue;
            if ((sw, sh) != g.TileSizeAt(level, col, row)) continue;
            return $"image_files/{level}/{col}_{row}.{ext}";
        }
        return null;
    }
}
