using Memento.GraphQL.Types;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Classifications;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Loaders;

/// <summary>annotation.classifications (the choices made) for every annotation of a level in one query; as ClassificationService.ChoicesAsync.</summary>
public static class ClassificationChoicesByAnnotationLoader
{
    public static async Task<List<ClassificationPick>> LoadAsync(IResolveContext context, long annotationId) =>
        (await LoaderRequest.Batch<long, Loaded<List<ClassificationPick>>>(context,
            nameof(ClassificationChoicesByAnnotationLoader), FetchAsync).LoadAsync(annotationId))!.OrThrow();

    private static async Task<IReadOnlyDictionary<long, Loaded<List<ClassificationPick>>>> FetchAsync(
        LoaderRequest request, IReadOnlyList<long> annotationIds, CancellationToken ct)
    {
        var readable = await request.Policy.ReadableAsync(ReadScope.Annotation, request.Caller, annotationIds, ct);
        var ids = readable.ToList();
        var rows = await request.Db.ClassificationChoices.AsNoTracking()
            .Where(c => EF.Parameter(ids).Contains(c.AnnotationId)).OrderBy(c => c.ClassificationId)
            .ThenBy(c => c.ChosenById).Select(c => new { c.AnnotationId, c.ClassificationId, c.SelectedOption, c.ChosenById }).ToListAsync(ct);
        var groups = rows.ToLookup(r => r.AnnotationId, r => new ClassificationPick(r.ClassificationId, r.SelectedOption, r.ChosenById));
        return await request.AssembleAsync(annotationIds, ReadScope.Annotation, id => id, readable, id => groups[id].ToList(), ct);
    }
}
