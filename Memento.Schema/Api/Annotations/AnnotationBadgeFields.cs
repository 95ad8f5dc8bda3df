using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Images;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Loaders;

namespace Memento.Schema.Api.Annotations;

/// <summary>
/// The viewer sidebar's badges and thumbnail (manual, "GUI in depth"): batched for a whole page of annotations by
/// one loader, so a list of 25 or 100 costs the same few queries.
/// </summary>
[GraphQLExtends(typeof(AnnotationInfo))]
public sealed class AnnotationBadgeFields
{
    /// <summary>The project has labels and the annotation is not submitted yet (the fact_check badge; the Next queue).</summary>
    [LoadsThroughDataLoader]
    public async Task<bool> NeedsLabels([Parent] AnnotationInfo annotation, IResolveContext context) =>
        (await BadgesByAnnotationLoader.LoadAsync(context, annotation.Id)).NeedsLabels;

    /// <summary>Any of its layers has a comment (the notes badge).</summary>
    [LoadsThroughDataLoader]
    public async Task<bool> HasComments([Parent] AnnotationInfo annotation, IResolveContext context) =>
        (await BadgesByAnnotationLoader.LoadAsync(context, annotation.Id)).HasComments;

    /// <summary>
    /// An active share link (not revoked, not expired) opens it (the share badge). Always false for a caller who
    /// may not take part in the annotation: viewers are not told about links.
    /// </summary>
    [LoadsThroughDataLoader]
    public async Task<bool> Shared([Parent] AnnotationInfo annotation, IResolveContext context) =>
        (await BadgesByAnnotationLoader.LoadAsync(context, annotation.Id)).Shared;

    /// <summary>
    /// A small preview (at most 256 pixels a side): the thumbnail of its first image layer's image that is READY and
    /// the caller may read; null when it has none (the thumbnail grid's card).
    /// </summary>
    [LoadsThroughDataLoader]
    public async Task<string?> PreviewUrl([Parent] AnnotationInfo annotation, IResolveContext context, IImageFiles files) =>
        (await BadgesByAnnotationLoader.LoadAsync(context, annotation.Id)).Preview is { } image
            ? ImageFileUrls.Thumbnail(files, image, ApiCaller.Of(context))
            : null;
}
