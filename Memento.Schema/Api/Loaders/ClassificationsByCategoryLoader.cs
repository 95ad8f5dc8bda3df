using Memento.GraphQL.Types;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Classifications;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Loaders;

/// <summary>category.classifications for every category of a level in one query, by name; as ClassificationService.ForCategoryAsync.</summary>
public static class ClassificationsByCategoryLoader
{
    public static async Task<List<ClassificationInfo>> LoadAsync(IResolveContext context, long categoryId) =>
        (await LoaderRequest.Batch<long, Loaded<List<ClassificationInfo>>>(context, nameof(ClassificationsByCategoryLoader), FetchAsync)
            .LoadAsync(categoryId))!.OrThrow();

    private static async Task<IReadOnlyDictionary<long, Loaded<List<ClassificationInfo>>>> FetchAsync(
        LoaderRequest request, IReadOnlyList<long> categoryIds, CancellationToken ct)
    {
        var readable = await request.Policy.ReadableAsync(ReadScope.Category, request.Caller, categoryIds, ct);
        var ids = readable.ToList();
        var rows = await request.Db.Categories.Where(c => EF.Parameter(ids).Contains(c.Id))
            .SelectMany(c => c.Classifications, (c, x) => new { CategoryId = c.Id, x.Id, x.ProjectId, x.Name, x.TypeCode, x.OptionData })
            .OrderBy(r => r.Name).ToListAsync(ct);
        var groups = rows.ToLookup(r => r.CategoryId,
            r => new ClassificationInfo(r.Id, r.ProjectId, r.Name, r.TypeCode, r.OptionData));
        return await request.AssembleAsync(categoryIds, ReadScope.Category, id => id, readable, id => groups[id].ToList(), ct);
    }
}
