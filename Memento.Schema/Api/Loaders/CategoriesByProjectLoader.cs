using Memento.GraphQL.Types;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Categories;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Loaders;

/// <summary>
/// project.categories for every project of a level in one query: the categories the caller may see (a category's
/// members never see its siblings), by name; as CategoryService.ListAsync, refusing a project the caller cannot read.
/// </summary>
public static class CategoriesByProjectLoader
{
    public static async Task<List<CategoryInfo>> LoadAsync(IResolveContext context, long projectId) =>
        (await LoaderRequest.Batch<long, Loaded<List<CategoryInfo>>>(context, nameof(CategoriesByProjectLoader), FetchAsync)
            .LoadAsync(projectId))!.OrThrow();

    private static async Task<IReadOnlyDictionary<long, Loaded<List<CategoryInfo>>>> FetchAsync(LoaderRequest request,
        IReadOnlyList<long> projectIds, CancellationToken ct)
    {
        var readable = await request.Policy.ReadableAsync(ReadScope.Project, request.Caller, projectIds, ct);
        var ids = readable.ToList();
        var rows = await request.Policy.VisibleCategories(request.Caller).AsNoTracking()
            .Where(c => EF.Parameter(ids).Contains(c.ProjectId)).OrderBy(c => c.Name).Select(CategoryService.ToInfo)
            .ToListAsync(ct);
        // Listed by the very predicate a category read check uses: their annotations need no second check.
        request.Policy.RememberReadable(ReadScope.Category, request.Caller, rows.Select(c => c.Id));
        var groups = rows.ToLookup(c => c.ProjectId);
        return await request.AssembleAsync(projectIds, ReadScope.Project, id => id, readable, id => groups[id].ToList(), ct);
    }
}
