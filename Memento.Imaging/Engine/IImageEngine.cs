namespace Memento.Imaging.Engine;

/// <summary>Tile file format of a pyramid.</summary>
public enum TileFormat { Jpeg, Png }

/// <summary>
/// The image operations ingest needs, behind one small interface so that callers and tests never see the engine
/// (libvips). Every method throws <see cref="VipsException"/> on failure and honours cancellation by stopping the work.
/// </summary>
public interface IImageEngine
{
    /// <summary>Reads the header only. <paramref name="allowWholeSlide"/> enables the OpenSlide loader.</summary>
    Task<ImageHeader> ProbeAsync(string path, bool allowWholeSlide, CancellationToken ct);

    /// <summary>
    /// Writes a Deep Zoom pyramid (<c>{outputBase}.dzi</c> and <c>{outputBase}_files/</c>), 256 px tiles, no overlap,
    /// from page 0. PNG tiles keep 16-bit samples. Reports percent done.
    /// </summary>
    Task BuildPyramidAsync(string source, ImageHeader header, string outputBase, TileFormat format,
        IProgress<int>? progress, CancellationToken ct);

    /// <summary>Min, max, mean and 1st/99th percentiles per band over the full-resolution plane.</summary>
    Task<IReadOnlyList<ChannelStatistics>> StatisticsAsync(string source, ImageHeader header, CancellationToken ct);

    /// <summary>Writes one picture made of <paramref name="request"/>'s inputs; see <see cref="RenderRequest"/>.</summary>
    Task RenderAsync(RenderRequest request, CancellationToken ct);
}

/// <summary>
/// A picture assembled from one image or a grid of tiles (row-major, <see cref="Across"/> per row), optionally
/// shrunk to fit <see cref="MaxSize"/> or resized to exactly <see cref="ExactSize"/>, windowed to 8 bits (<c>out = in * Scale + Offset</c> per band), given an
/// alpha band, and saved in the format the <see cref="Output"/> extension names.
/// </summary>
public sealed record RenderRequest(IReadOnlyList<string> Inputs, string Output)
{
    public int Across { get; init; } = 1;
    /// <summary>Size of the assembled grid; edge tiles are smaller than the others.</summary>
    public (int Width, int Height)? CropTo { get; init; }
    public int? MaxSize { get; init; }
    /// <summary>Output size in pixels, for renditions that must match a size a descriptor already advertises.</summary>
    public (int Width, int Height)? ExactSize { get; init; }
    public IReadOnlyList<(double Scale, double Offset)>? WindowTo8Bit { get; init; }
    public bool AddAlpha { get; init; }
    public bool AllowWholeSlide { get; init; }
}
