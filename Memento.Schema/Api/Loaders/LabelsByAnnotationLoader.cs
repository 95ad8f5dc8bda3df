using Memento.GraphQL.Types;
using Memento.Domain.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Loaders;

/// <summary>annotation.labels for every annotation of a level in one query, by name; as AnnotationService.GetLabelsAsync.</summary>
public static class LabelsByAnnotationLoader
{
    public static async Task<List<string>> LoadAsync(IResolveContext context, long annotationId) =>
        (await LoaderRequest.Batch<long, Loaded<List<string>>>(context, nameof(LabelsByAnnotationLoader), FetchAsync)
            .LoadAsync(annotationId))!.OrThrow();

    private static async Task<IReadOnlyDictionary<long, Loaded<List<string>>>> FetchAsync(LoaderRequest request,
        IReadOnlyList<long> annotationIds, CancellationToken ct)
    {
        var readable = await request.Policy.ReadableAsync(ReadScope.Annotation, request.Caller, annotationIds, ct);
        var ids = readable.ToList();
        // Through the join entity's own set: the data model made AnnotationLabel a regular entity.
        var rows = await request.Db.AnnotationLabels.Where(al => EF.Parameter(ids).Contains(al.AnnotationId))
            .Join(request.Db.Labels, al => al.LabelId, l => l.Id, (al, l) => new { al.AnnotationId, l.Name })
            .OrderBy(r => r.Name).ToListAsync(ct);
        var groups = rows.ToLookup(r => r.AnnotationId, r => r.Name);
        return await request.AssembleAsync(annotationIds, ReadScope.Annotation, id => id, readable, id => groups[id].ToList(), ct);
    }
}
