using System.Text.Json;

namespace Memento.Domain.Datasets;

/// <summary>
/// An image as the dataset document shows it (a search result, <c>/api/picture/&lt;id&gt;/</c>): its metadata, its
/// licences and every region drawn over it, in the document's raw format. The download URL is the surface's to
/// build (it needs the host), from <see cref="Id"/>.
/// </summary>
public sealed record Picture(
    long Id,
    long ProjectId,
    string Title,
    string Description,
    string? Author,
    string? OriginUrl,
    DateTimeOffset UploadedAt,
    int? Width,
    int? Height,
    string? FileFormat,
    string? Nature,
    IReadOnlyList<string> Licences,
    long? Replaces,
    long? ReplacedBy,
    long? CopiedFrom,
    IReadOnlyList<PictureRegion> Regions)
{
    /// <summary>The document's <c>timestamp</c>: Unix seconds of the upload.</summary>
    public long Timestamp => UploadedAt.ToUnixTimeSeconds();
}

/// <summary>
/// One region in the document's raw format: <see cref="Type"/> bbox / polygon / polyline / point (a drawn line comes
/// out as a two-point polyline), <see cref="Shape"/> with coordinates normalized to [0, 1] of the image's size,
/// origin top-left, and the object type's id (null for a region drawn without one).
/// </summary>
public sealed record PictureRegion(string Type, JsonElement Shape, string? Object);

/// <summary>A picture's ratings, read only on request: the average of 1-5 stars (null when unrated) and the number
/// of ratings of each grade, <see cref="CountPerGrade"/>[0] being one star.</summary>
public sealed record PictureRatings(double? Average, IReadOnlyList<int> CountPerGrade)
{
    public int Count => CountPerGrade.Sum();
}
