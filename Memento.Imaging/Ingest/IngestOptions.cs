namespace Memento.Imaging.Ingest;

/// <summary>Limits on what ingest accepts. Every default is documented; a value is checked when it is set.</summary>
public sealed class IngestOptions
{
    private long _maxPixels = 2_500_000_000;
    private int _maxBands = 4;
    private int _maxPages = 1000;
    private double _maxPixelsPerByte = 1000;
    private long _ratioCheckAbovePixels = 16_000_000;
    private long _maxWholeSlidePixels = 10_000_000_000;
    private TimeSpan _jobTimeout = TimeSpan.FromMinutes(30);
    private double _diskHeadroom = 2.0;
    private long _maxFullSizeRenditionPixels = 100_000_000;

    /// <summary>Pixels per plane. Default 2.5 gigapixels (50000x50000).</summary>
    public long MaxPixels { get => _maxPixels; set => _maxPixels = Positive(value); }

    /// <summary>Channels (bands) per pixel. Default 4 (RGBA).</summary>
    public int MaxBands { get => _maxBands; set => _maxBands = (int)Positive(value); }

    /// <summary>Pages (or slide levels) in one file. Default 1000.</summary>
    public int MaxPages { get => _maxPages; set => _maxPages = (int)Positive(value); }

    /// <summary>
    /// Decompression-bomb guard for compressed files: declared pixels per byte of file. Default 1000 — deflate cannot
    /// exceed about 1032:1, and real microscopy, even mostly-black fluorescence, stays far below. A 200 KB PNG declaring
    /// 40000x40000 (8000 pixels per byte) is refused from its header.
    /// </summary>
    public double MaxPixelsPerByte { get => _maxPixelsPerByte; set => _maxPixelsPerByte = value > 0 ? value : throw Bad(); }

    /// <summary>The ratio guard applies only above this many pixels, so tiny uniform images stay acceptable. Default 16 MP.</summary>
    public long RatioCheckAbovePixels { get => _ratioCheckAbovePixels; set => _ratioCheckAbovePixels = Math.Max(0, value); }

    /// <summary>
    /// Whole-slide files through OpenSlide: the loader is enabled only for files it claims. Default true.
    /// </summary>
    public bool AllowWholeSlide { get; set; } = true;

    /// <summary>Pixels of a whole slide's full level. Default 10 gigapixels (slides are sparse JPEG tiles).</summary>
    public long MaxWholeSlidePixels { get => _maxWholeSlidePixels; set => _maxWholeSlidePixels = Positive(value); }

    /// <summary>Wall time for one conversion; the engine is killed beyond it. Default 30 minutes.</summary>
    public TimeSpan JobTimeout { get => _jobTimeout; set => _jobTimeout = value > TimeSpan.Zero ? value : throw Bad(); }

    /// <summary>Free disk required before converting, as a multiple of the estimated output. Default 2.</summary>
    public double DiskHeadroom { get => _diskHeadroom; set => _diskHeadroom = value >= 0 ? value : throw Bad(); }

    /// <summary>Largest image for format code 3 (full-size RGBA PNG). Default 100 MP; larger ones need a pyramid (4 or 5).</summary>
    public long MaxFullSizeRenditionPixels { get => _maxFullSizeRenditionPixels; set => _maxFullSizeRenditionPixels = Positive(value); }

    private static long Positive(long value) => value > 0 ? value : throw Bad();
    private static ArgumentOutOfRangeException Bad() => new("value", "The limit must be positive.");
}
