using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;

namespace Memento.Server.Endpoints;

/// <summary>Where a ready image's largest stored picture is served, under a URL signed for the caller.</summary>
public static class ImageRenditions
{
    /// <summary>
    /// The signed URL of the "max" rendition ingest wrote (JPEG or PNG, whichever it chose), the external URL of a
    /// type-E image, or null while the image is not ready. Callers have checked that the caller may read the image.
    /// </summary>
    public static string? LargestUrl(string dataPath, IImageFiles files, ImageInfo image, Caller caller)
    {
        if (image.Type == ImageType.External) return image.ExternalUrl;
        if (image.State != ImageProcessingState.Ready || image.StorageDirectory is null) return null;
        var max = Path.Combine(dataPath, image.StorageDirectory, "iiif", "full", "max", "0");
        var picture = Directory.Exists(max) ? Directory.EnumerateFiles(max, "default.*").FirstOrDefault() : null;
        return picture is null ? null
            : files.SignedPrefix(image.Id, image.StorageDirectory, caller) + "iiif/full/max/0/" + Path.GetFileName(picture);
    }
}
