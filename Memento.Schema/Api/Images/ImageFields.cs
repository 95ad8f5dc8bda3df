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
        ImageFileUrls.Dzi(files, image, ApiCaller.Of(context));

    /// <summary>A small preview (at most 256 pixels a side); null until READY.</summary>
    public string? ThumbnailUrl([Parent] ImageInfo image, IImageFiles files, IResolveContext context) =>
        ImageFileUrls.Thumbnail(files, image, ApiCaller.Of(context));

    /// <summary>IIIF Image API 3.0 info.json, for any IIIF viewer; null until READY.</summary>
    public string? IiifInfoUrl([Parent] ImageInfo image, IImageFiles files, IResolveContext context) =>
        ImageFileUrls.IiifInfo(files, image, ApiCaller.Of(context));

    /// <summary>The licences (SPDX ids) the image is offered under.</summary>
    [LoadsThroughDataLoader]
    public Task<List<string>> Licences([Parent] ImageInfo image, IResolveContext context) =>
        LicencesByImageLoader.LoadAsync(context, image.Id);

    /// <summary>
    /// Per-channel intensity statistics of the whole image, measured at ingest (min, max, mean, 1st and 99th
    /// percentile, in the image's own value range): the viewer's auto-adjust window. Empty until READY, and for
    /// external images.
    /// </summary>
    [LoadsThroughDataLoader]
    public Task<List<ChannelStatisticsInfo>> Statistics([Parent] ImageInfo image, IResolveContext context) =>
        StatisticsByImageLoader.LoadAsync(context, image.Id);
}
