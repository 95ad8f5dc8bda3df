using Memento.Domain.Authorization;
using Memento.Domain.Model;

namespace Memento.Domain.Services.Images;

/// <summary>
/// The signed URLs of an image's files (descriptor, thumbnail, IIIF info), for the API's Image fields and the pages
/// alike. Hand them only to a caller who could read the image (the query that returned it checked that); there are
/// none until the image is READY, and none for an external image.
/// </summary>
public static class ImageFileUrls
{
    public static string? Dzi(IImageFiles files, ImageInfo image, Caller caller) => Signed(files, image, caller, "image.dzi");

    /// <summary>A small preview (at most 256 pixels a side), PNG where the image has an alpha band.</summary>
    public static string? Thumbnail(IImageFiles files, ImageInfo image, Caller caller) =>
        Signed(files, image, caller, "thumbnail." + (image.Bands is 2 or 4 ? "png" : "jpg"));

    public static string? IiifInfo(IImageFiles files, ImageInfo image, Caller caller) =>
        Signed(files, image, caller, "iiif/info.json");

    // The caller decides the URL's lifetime: a share-link holder's URLs die with the link.
    private static string? Signed(IImageFiles files, ImageInfo image, Caller caller, string file) =>
        image.State == ImageProcessingState.Ready && image.Type != ImageType.External && image.StorageDirectory is { } directory
            ? files.SignedPrefix(image.Id, directory, caller) + file
            : null;
}
