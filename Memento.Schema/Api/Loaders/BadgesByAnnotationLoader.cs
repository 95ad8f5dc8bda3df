using Memento.GraphQL.Types;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Annotations;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Schema.Api.Loaders;

/// <summary>
/// annotation.needsLabels / hasComments / shared / previewUrl for every annotation of a level in one batch (a few
/// queries, whatever the page size); as AnnotationService.BadgesAsync, refusals included. The four fields share it.
/// </summary>
public static class BadgesByAnnotationLoader
{
    public static async Task<AnnotationBadges> LoadAsync(IResolveContext context, long annotationId)
    {
        var annotations = context.Services.GetRequiredService<AnnotationService>();
        return (await LoaderRequest.Batch<long, Loaded<AnnotationBadges>>(context, nameof(BadgesByAnnotationLoader),
                (request, ids, ct) => FetchAsync(request, annotations, ids, ct))
            .LoadAsync(annotationId))!.OrThrow();
    }

    private static async Task<IReadOnlyDictionary<long, Loaded<AnnotationBadges>>> FetchAsync(LoaderRequest request,
        AnnotationService annotations, IReadOnlyList<long> annotationIds, CancellationToken ct)
    {
        var readable = await request.Policy.ReadableAsync(ReadScope.Annotation, request.Caller, annotationIds, ct);
        var badges = await annotations.BadgesAsync(request.Caller, readable.ToList(), ct);
        return await request.AssembleAsync(annotationIds, ReadScope.Annotation, id => id, readable, id => badges[id], ct);
    }
}
