using Memento.GraphQL.Types;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Layers;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Loaders;

/// <summary>annotation.layers for every annotation of a level in one query, in display order; as LayerService.ListAsync.</summary>
public static class LayersByAnnotationLoader
{
    public static async Task<List<LayerInfo>> LoadAsync(IResolveContext context, long annotationId) =>
        (await LoaderRequest.Batch<long, Loaded<List<LayerInfo>>>(context, nameof(LayersByAnnotationLoader), FetchAsync)
            .LoadAsync(annotationId))!.OrThrow();

    private static async Task<IReadOnlyDictionary<long, Loaded<List<LayerInfo>>>> FetchAsync(LoaderRequest request,
        IReadOnlyList<long> annotationIds, CancellationToken ct)
    {
        var readable = await request.Policy.ReadableAsync(ReadScope.Annotation, request.Caller, annotationIds, ct);
        var ids = readable.ToList();
        var rows = await request.Db.Layers.AsNoTracking().Where(l => EF.Parameter(ids).Contains(l.AnnotationId))
            .OrderBy(l => l.Sequence).ThenBy(l => l.Id).Select(LayerService.ToInfo).ToListAsync(ct);
        var groups = rows.ToLookup(l => l.AnnotationId);
        return await request.AssembleAsync(annotationIds, ReadScope.Annotation, id => id, readable, id => groups[id].ToList(), ct);
    }
}
