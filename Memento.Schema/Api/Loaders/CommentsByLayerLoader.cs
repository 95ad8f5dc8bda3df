using Memento.GraphQL.Types;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Comments;
using Memento.Domain.Services.Layers;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Loaders;

/// <summary>
/// layer.comments for every layer of a level in one query, oldest first; as CommentService.ListAsync. Keyed by the
/// layer and its annotation (read from the layer row itself), whose read right decides.
/// </summary>
public static class CommentsByLayerLoader
{
    public static async Task<List<CommentInfo>> LoadAsync(IResolveContext context, LayerInfo layer) =>
        (await LoaderRequest.Batch<(long LayerId, long AnnotationId), Loaded<List<CommentInfo>>>(context,
            nameof(CommentsByLayerLoader), FetchAsync).LoadAsync((layer.Id, layer.AnnotationId)))!.OrThrow();

    private static async Task<IReadOnlyDictionary<(long LayerId, long AnnotationId), Loaded<List<CommentInfo>>>> FetchAsync(
        LoaderRequest request, IReadOnlyList<(long LayerId, long AnnotationId)> keys, CancellationToken ct)
    {
        var readable = await request.Policy.ReadableAsync(ReadScope.Annotation, request.Caller,
            keys.Select(k => k.AnnotationId), ct);
        var layerIds = keys.Where(k => readable.Contains(k.AnnotationId)).Select(k => k.LayerId).Distinct().ToList();
        var rows = await request.Db.Comments.AsNoTracking().Where(c => EF.Parameter(layerIds).Contains(c.LayerId))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentInfo(c.Id, c.LayerId, c.AuthorId, c.Author!.UserName, c.Text, c.CreatedAt, c.EditedAt))
            .ToListAsync(ct);
        var groups = rows.ToLookup(c => c.LayerId);
        return await request.AssembleAsync(keys, ReadScope.Annotation, k => k.AnnotationId, readable,
            k => groups[k.LayerId].ToList(), ct);
    }
}
