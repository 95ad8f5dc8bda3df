using Memento.Domain.Model;

namespace Memento.Domain.Services.Images;

/// <summary>An image as readers see it. <see cref="StorageDirectory"/> is for the host (signed tile URLs); the API hides it.</summary>
public sealed record ImageInfo(long Id, long ProjectId, string Name, ImageType Type, int FormatCode,
    string? ExternalUrl, int? Width, int? Height, ImageProcessingState State, string? Error, string Title,
    string Description, DateTimeOffset UploadedAt, int? Bands = null, int? BitDepth = null, int ProgressPercent = 0,
    string? OriginUrl = null, string? Nature = null, string? StorageDirectory = null)
{
    /// <summary>The manual's type letter: '' standard, 'T' tiled, 'E' external.</summary>
    public string TypeCode => ManualCodes.Code(Type);

    /// <summary>Where clients fetch the image: the external URL, or the server's image path.</summary>
    public string Uri => ImageUrls.Uri(Id, Type, ExternalUrl);
}
