using System.Text.Json;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Services.Regions;

namespace Memento.Schema.Api.Regions;

/// <summary>
/// A region in the dataset API's format: type bbox, polygon, polyline or point; shape its JSON geometry, an object
/// {"x","y","w","h"} for a bbox, {"x","y"} for a point, else a list of {"x","y"} points; an optional object type id
/// and style JSON.
/// </summary>
public sealed record RegionShapeInput(string Type, JsonElement Shape, string? Object = null, JsonElement? Style = null)
{
    internal RegionInput ToInput() => new(Type, Shape, Object, Style);
}

public sealed record SaveRegionsInput(long LayerId, List<RegionShapeInput> Regions);
public sealed record AddRegionInput(long LayerId, RegionShapeInput Region);

/// <summary>A stored region, its geometry as JSON.</summary>
public sealed record Region(long Id, long LayerId, string Type, JsonElement Shape, string? Object, JsonElement? Style)
{
    internal static Region Of(RegionInfo r) => new(r.Id, r.LayerId, r.Type, Parse(r.ShapeJson)!.Value, r.Object,
        Parse(r.StyleJson));

    private static JsonElement? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonDocument.Parse(json).RootElement.Clone();
}

public sealed record RegionsPayload(List<Region> Regions);
public sealed record RegionPayload(Region Region);

public sealed class RegionQueries
{
    /// <summary>The regions drawn on a layer, in the order they were saved.</summary>
    public async Task<List<Region>> Regions(long layerId, IResolveContext context, RegionService regions) =>
        (await regions.ListAsync(ApiCaller.Of(context), layerId, context.CancellationToken)).Select(Region.Of).ToList();
}

public sealed class RegionMutations
{
    /// <summary>Replaces every region of a drawing layer with these, as the viewer's Save does.</summary>
    public async Task<RegionsPayload> SaveRegions(SaveRegionsInput input, IResolveContext context,
        RegionService regions) =>
        new((await regions.SaveAsync(ApiCaller.Of(context), input.LayerId,
            input.Regions.Select(r => r.ToInput()).ToList(), context.CancellationToken)).Select(Region.Of).ToList());

    public async Task<RegionPayload> AddRegion(AddRegionInput input, IResolveContext context, RegionService regions) =>
        new(Region.Of(await regions.AddAsync(ApiCaller.Of(context), input.LayerId, input.Region.ToInput(),
            context.CancellationToken)));

    public async Task<DeletePayload> DeleteRegion(DeleteInput input, IResolveContext context, RegionService regions)
    {
        await regions.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }
}
