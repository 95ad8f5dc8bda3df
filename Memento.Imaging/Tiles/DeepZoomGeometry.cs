namespace Memento.Imaging.Tiles;

/// <summary>
/// Level sizes and tile grid of a Deep Zoom pyramid with 256 px tiles, no overlap and levels down to one pixel —
/// the pyramid ingest writes. Level <see cref="MaxLevel"/> is full resolution; each level below halves it, rounding up.
/// </summary>
public sealed record DeepZoomGeometry(int Width, int Height, int TileSize = 256)
{
    public int MaxLevel => (int)Math.Ceiling(Math.Log2(Math.Max(Width, Height)));

    /// <summary>Downsampling of <paramref name="level"/> relative to full resolution (a power of two).</summary>
    public long ScaleOf(int level) => 1L << (MaxLevel - level);

    public (int Width, int Height) LevelSize(int level)
    {
        var s = ScaleOf(level);
        return ((int)((Width + s - 1) / s), (int)((Height + s - 1) / s));
    }

    public (int Columns, int Rows) TileGrid(int level)
    {
        var (w, h) = LevelSize(level);
        return ((w + TileSize - 1) / TileSize, (h + TileSize - 1) / TileSize);
    }

    /// <summary>Pixel size of tile (<paramref name="x"/>, <paramref name="y"/>) of a level; edge tiles are smaller.</summary>
    public (int Width, int Height) TileSizeAt(int level, int x, int y)
    {
        var (w, h) = LevelSize(level);
        return (Math.Min(TileSize, w - x * TileSize), Math.Min(TileSize, h - y * TileSize));
    }

    /// <summary>The largest level whose longer side is at most <paramref name="maxSide"/>.</summary>
    public int LevelFitting(int maxSide)
    {
        for (var level = MaxLevel; level > 0; level--)
        {
            var (w, h) = LevelSize(level);
            if (Math.Max(w, h) <= maxSide) return level;
        }
        return 0;
    }
}
