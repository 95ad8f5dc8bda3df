using System.Text.Json;
using System.Text.Json.Nodes;
using Memento.Domain.Model;
using Memento.Domain.Services.Reports;

namespace Memento.Server.Exports;

/// <summary>
/// Our regions as Fabric.js objects (the manual's ROI format; the mapping is documented in docs/exports.md):
/// bbox → rect, polygon → polygon, polyline → polyline, line → line (x1,y1,x2,y2; more points → polyline),
/// point → circle centred on it. Coordinates in full-resolution image pixels; Fabric's own keys (stroke, fill,
/// strokeWidth, opacity) are copied from the region's style, and our type and ids ride along as custom keys.
/// </summary>
public static class FabricObjects
{
    /// <summary>A point is drawn as a circle of this radius, in image pixels.</summary>
    public const double PointRadius = 4;

    private static readonly string[] StyleKeys = ["stroke", "fill", "strokeWidth", "opacity"];

    public static JsonObject For(RoiRegion region)
    {
        var points = RegionPoints.Of(region.Shape, region.GeometryJson);
        var (left, top, width, height) = RegionPoints.Bounds(points);
        var o = new JsonObject();
        switch (region.Shape)
        {
            case RegionShape.Rectangle:
                o["type"] = "rect";
                Box(o, left, top, width, height);
                break;
            case RegionShape.Point:
                o["type"] = "circle";
                Box(o, points[0].X - PointRadius, points[0].Y - PointRadius, 2 * PointRadius, 2 * PointRadius);
                o["radius"] = PointRadius;
                break;
            case RegionShape.Line when points.Count == 2:
                o["type"] = "line";
                Box(o, left, top, width, height);
                o["x1"] = points[0].X; o["y1"] = points[0].Y; o["x2"] = points[1].X; o["y2"] = points[1].Y;
                break;
            default:
                o["type"] = region.Shape == RegionShape.Polygon ? "polygon" : "polyline";
                Box(o, left, top, width, height);
                o["points"] = new JsonArray(points.Select(p => (JsonNode)new JsonObject { ["x"] = p.X, ["y"] = p.Y }).ToArray());
                break;
        }
        o["stroke"] = "#ff0000";
        o["fill"] = region.Shape is RegionShape.Polygon or RegionShape.Rectangle or RegionShape.Point ? "rgba(255,0,0,0.2)" : "";
        o["strokeWidth"] = 2;
        if (region.StyleJson is not null && JsonNode.Parse(region.StyleJson) is JsonObject style)
            foreach (var key in StyleKeys)
                if (style[key] is { } value) o[key] = value.DeepClone();
        o["regionType"] = Domain.Services.Regions.RegionGeometry.TypeName(region.Shape);
        o["objectType"] = region.ObjectType;
        o["regionId"] = region.RegionId;
        return o;
    }

    private static void Box(JsonObject o, double left, double top, double width, double height)
    {
        o["originX"] = "left"; o["originY"] = "top";
        o["left"] = left; o["top"] = top; o["width"] = width; o["height"] = height;
    }
}
