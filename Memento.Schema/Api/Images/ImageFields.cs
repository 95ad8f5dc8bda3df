using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Loaders;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Images;

/// <summary>
/// Signed file URLs, handed only to callers who could read the image (the image itself was permission-checked by
/// the query that returned it) and only once its files exist.
/// </summary>
[GraphQLExtends(typeof(ImageInfo))]
public sealed class ImageFields
{
    /// <summary>The Deep Zoom descriptor for the viewer; null until READY, and for external images.</summary>
    public string? DziUrl([Parent] ImageInfo image, IImageFiles files, IResolveContext context) =>
        Signed(image, files, context, "image.dzi");

    /// <summary>A small preview (at most 256 pixels a side); null until READY.</summary>
    public string? ThumbnailUrl([Parent] ImageInfo image, IImageFiles files, IResolveContext context) =>
        Signed(image, files, context, "thumbnail." + (image.Bands is 2 or 4 ? "png" : "jpg"));

    /// <summary>IIIF Image API 3.0 info.json, for any IIIF viewer; null until READY.</summary>
    public string? IiifInfoUrl([Parent] ImageInfo image, IImageFiles files, IResolveContext context) =>
        Signed(image, files, context, "iiif/info.json");

    /// <summary>The licences (SPDX ids) the image is offered under.</summary>
    [LoadsThroughDataLoader]
    public Task<List<string>> Licences([Parent] ImageInfo image, IResolveContext context) =>
        LicencesByImageLoader.LoadAsync(context, image.Id);

    // The caller decides the URL's lifetime: a share-link holder's URLs die with the link.
    private static string? Signed(ImageInfo image, IImageFiles files, IResolveContext context, string file) =>
        image.State == ImageProcessingState.Ready && image.Type != ImageType.External && image.StorageDirectory is { } directory
            ? files.SignedPrefix(image.Id, directory, ApiCaller.Of(context)) + file
            : null;
}
