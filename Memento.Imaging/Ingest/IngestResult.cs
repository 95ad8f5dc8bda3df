using Memento.Imaging.Engine;

namespace Memento.Imaging.Ingest;

/// <summary>
/// A finished ingest: what was recorded about the image and where its files are, relative to the image directory.
/// </summary>
public sealed record IngestResult(
    ImageHeader Header,
    ContainerFormat Container,
    ImageFormatCode FormatCode,
    TileFormat TileFormat,
    string OriginalFile,
    string ThumbnailFile,
    string? DisplayFile,
    IReadOnlyList<ChannelStatistics> Statistics)
{
    /// <summary>Where the time went; not part of the manifest.</summary>
    public IngestStageTimes? Stages { get; init; }

    /// <summary>Deep Zoom descriptor, beside the <c>image_files/</c> tile folder.</summary>
    public const string DziFile = "image.dzi";
    /// <summary>IIIF Image API 3.0 descriptor, in the <c>iiif/</c> folder with its tiles.</summary>
    public const string IiifInfoFile = "iiif/info.json";
    public const string StatisticsFile = "stats.json";
    public const string ManifestFile = "image.json";
}
