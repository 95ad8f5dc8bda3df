using Memento.GraphQL.Types;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Annotations;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Loaders;

/// <summary>
/// category.annotations for every category of a level in one query: the annotations the caller may read (an
/// annotation participant sees only its own), by name; as AnnotationService.ListAsync.
/// </summary>
public static class AnnotationsByCategoryLoader
{
    public static async Task<List<AnnotationInfo>> LoadAsync(IResolveContext context, long categoryId) =>
        (await LoaderRequest.Batch<long, Loaded<List<AnnotationInfo>>>(context, nameof(AnnotationsByCategoryLoader), FetchAsync)
            .LoadAsync(categoryId))!.OrThrow();

    private static async Task<IReadOnlyDictionary<long, Loaded<List<AnnotationInfo>>>> FetchAsync(LoaderRequest request,
        IReadOnlyList<long> categoryIds, CancellationToken ct)
    {
        var readable = await request.Policy.ReadableAsync(ReadScope.Category, request.Caller, categoryIds, ct);
        var ids = readable.ToList();
        var rows = await request.Policy.VisibleAnnotations(request.Caller).AsNoTracking()
            .Where(a => EF.Parameter(ids).Contains(a.CategoryId)).OrderBy(a => a.Name).Select(AnnotationService.ToInfo)
            .ToListAsync(ct);
        request.Policy.RememberReadable(ReadScope.Annotation, request.Caller, rows.Select(a => a.Id));
        var groups = rows.ToLookup(a => a.CategoryId);
        return await request.AssembleAsync(categoryIds, ReadScope.Category, id => id, readable, id => groups[id].ToList(), ct);
    }
}
