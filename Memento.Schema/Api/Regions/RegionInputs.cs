using System.Text.Json;
using Memento.Domain.Services.Regions;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

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

/// <summary>
/// The layer's new regions. With expectedVersion (the layer's version when the client loaded it) the save is
/// refused with CONFLICT if someone changed the layer since. append adds the regions after the stored ones instead
/// of replacing them: a set too large for one request is saved as a replacing first part and appended parts, each
/// with the version the previous part returned.
/// </summary>
public sealed record SaveRegionsInput(long LayerId, List<RegionShapeInput> Regions, int? ExpectedVersion = null,
    bool? Append = null);

/// <summary>One region to add; expectedVersion as for saveRegions.</summary>
public sealed record AddRegionInput(long LayerId, RegionShapeInput Region, int? ExpectedVersion = null);

/// <summary>The region to delete; expectedVersion (of its layer) as for saveRegions.</summary>
public sealed record DeleteRegionInput(long Id, int? ExpectedVersion = null);

/// <summary>A stored region, its geometry as JSON.</summary>
public sealed record Region(long Id, long LayerId, string Type, JsonElement Shape, string? Object, JsonElement? Style)
{
    internal static Region Of(RegionInfo r) => new(r.Id, r.LayerId, r.Type, Parse(r.ShapeJson)!.Value, r.Object,
        Parse(r.StyleJson));

    private static JsonElement? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonDocument.Parse(json).RootElement.Clone();
}
