namespace Memento.Imaging.Engine;

/// <summary>Sample format of one band, as the engine reports it.</summary>
public enum SampleFormat { UChar, Char, UShort, Short, UInt, Int, Float, Double, Complex, DoubleComplex }

/// <summary>
/// What a file declares about itself, read from its header before any pixel is decoded. <c>Loader</c> is the engine's
/// loader that accepted the file (e.g. <c>tiffload</c>, <c>openslideload</c>); <c>Pages</c> counts pages or slide levels.
/// </summary>
public sealed record ImageHeader(int Width, int Height, int Bands, SampleFormat Format, int Pages, string Loader)
{
    /// <summary>Bits per sample: 8 for uchar, 16 for ushort, and so on.</summary>
    public int BitDepth => Format switch
    {
        SampleFormat.UChar or SampleFormat.Char => 8,
        SampleFormat.UShort or SampleFormat.Short => 16,
        SampleFormat.UInt or SampleFormat.Int or SampleFormat.Float => 32,
        _ => 64,
    };

    /// <summary>Pixels in one plane (one page), computed without overflow.</summary>
    public long Pixels => (long)Width * Height;

    /// <summary>True when the file is read through the whole-slide (OpenSlide) loader.</summary>
    public bool IsWholeSlide => Loader.StartsWith("openslide", StringComparison.Ordinal);

    /// <summary>True for samples wider than 8 bits, whose range the pyramid keeps (16-bit PNG tiles).</summary>
    public bool IsHighBitDepth => BitDepth > 8;
}

/// <summary>Per-channel intensity statistics, for the viewer's default window.</summary>
public sealed record ChannelStatistics(int Channel, double Min, double Max, double Mean, double P1, double P99);
