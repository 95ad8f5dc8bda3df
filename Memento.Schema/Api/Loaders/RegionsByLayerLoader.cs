using Memento.GraphQL.Types;
using Memento.Schema.Api.Regions;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Layers;
using Memento.Domain.Services.Regions;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Loaders;

/// <summary>
/// layer.regions for every layer of a level in one query, in the order saved; as RegionService.ListAsync. Keyed by
/// the layer and its annotation, whose read right decides.
/// </summary>
public static class RegionsByLayerLoader
{
    public static async Task<List<Region>> LoadAsync(IResolveContext context, LayerInfo layer) =>
        (await LoaderRequest.Batch<(long LayerId, long AnnotationId), Loaded<List<Region>>>(context,
            nameof(RegionsByLayerLoader), FetchAsync).LoadAsync((layer.Id, layer.AnnotationId)))!.OrThrow();

    private static async Task<IReadOnlyDictionary<(long LayerId, long AnnotationId), Loaded<List<Region>>>> FetchAsync(
        LoaderRequest request, IReadOnlyList<(long LayerId, long AnnotationId)> keys, CancellationToken ct)
    {
        var readable = await request.Policy.ReadableAsync(ReadScope.Annotation, request.Caller,
            keys.Select(k => k.AnnotationId), ct);
        var layerIds = keys.Where(k => readable.Contains(k.AnnotationId)).Select(k => k.LayerId).Distinct().ToList();
        var rows = await request.Db.Regions.AsNoTracking().Where(r => EF.Parameter(layerIds).Contains(r.LayerId))
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.LayerId, r.Shape, r.GeometryJson, r.ObjectTypeId, r.StyleJson }).ToListAsync(ct);
        var groups = rows.ToLookup(r => r.LayerId, r => Region.Of(new RegionInfo(r.Id, r.LayerId,
            RegionGeometry.TypeName(r.Shape), r.GeometryJson, r.ObjectTypeId, r.StyleJson)));
        return await request.AssembleAsync(keys, ReadScope.Annotation, k => k.AnnotationId, readable,
            k => groups[k.LayerId].ToList(), ct);
    }
}
