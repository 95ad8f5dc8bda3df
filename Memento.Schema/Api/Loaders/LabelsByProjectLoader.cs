using Memento.GraphQL.Types;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Labels;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Loaders;

/// <summary>
/// project.labels for every project of a level in one query, by name; as LabelService.ListAsync, refusing a project
/// the caller cannot read.
/// </summary>
public static class LabelsByProjectLoader
{
    public static async Task<List<LabelInfo>> LoadAsync(IResolveContext context, long projectId) =>
        (await LoaderRequest.Batch<long, Loaded<List<LabelInfo>>>(context, nameof(LabelsByProjectLoader), FetchAsync)
            .LoadAsync(projectId))!.OrThrow();

    private static async Task<IReadOnlyDictionary<long, Loaded<List<LabelInfo>>>> FetchAsync(LoaderRequest request,
        IReadOnlyList<long> projectIds, CancellationToken ct)
    {
        var readable = await request.Policy.ReadableAsync(ReadScope.Project, request.Caller, projectIds, ct);
        var ids = readable.ToList();
        var rows = await request.Db.Labels.AsNoTracking().Where(l => EF.Parameter(ids).Contains(l.ProjectId))
            .OrderBy(l => l.Name).ThenBy(l => l.Id).Select(l => new LabelInfo(l.Id, l.ProjectId, l.Name)).ToListAsync(ct);
        var groups = rows.ToLookup(l => l.ProjectId);
        return await request.AssembleAsync(projectIds, ReadScope.Project, id => id, readable, id => groups[id].ToList(), ct);
    }
}
