using System.Text.Json;
using System.Text.Json.Nodes;
using Memento.Domain.Authorization;
using Memento.Domain.Model;

namespace Memento.Domain.Services.Regions;

/// <summary>
/// The region format of the image-dataset API (bbox {x,y,w,h}; polygon/polyline [{x,y},…]; point {x,y}), with
/// coordinates in pixels of the full-resolution image rather than [0,1], so regions survive re-tiling and exports
/// need no image size. Input is validated and re-serialised, never stored as sent.
/// </summary>
public static class RegionGeometry
{
    public const int MaxPoints = 100_000;

    public static RegionShape ParseType(string type) => type.Trim().ToLowerInvariant() switch
    {
        "bbox" or "rectangle" or "rect" => RegionShape.Rectangle,
        "polygon" => RegionShape.Polygon,
        "polyline" => RegionShape.Polyline,
        "line" => RegionShape.Line,
        "point" => RegionShape.Point,
        _ => throw MementoException.Validation("type", "Region type must be bbox, polygon, polyline, line or point."),
    };

    public static string TypeName(RegionShape shape) => shape switch
    {
        RegionShape.Rectangle => "bbox",
        RegionShape.Polygon => "polygon",
        RegionShape.Polyline => "polyline",
        RegionShape.Line => "line",
        _ => "point",
    };

    /// <summary>Validates <paramref name="shape"/> for the type and returns its canonical JSON.</summary>
    public static string Normalize(RegionShape type, JsonElement shape)
    {
        switch (type)
        {
            case RegionShape.Rectangle:
            {
                var (x, y) = Point(shape);
                var w = Number(shape, "w");
                var h = Number(shape, "h");
                if (w < 0 || h < 0) throw Invalid("A bbox needs a non-negative width and height.");
                return new JsonObject { ["x"] = x, ["y"] = y, ["w"] = w, ["h"] = h }.ToJsonString();
            }
            case RegionShape.Point:
            {
                var (x, y) = Point(shape);
                return new JsonObject { ["x"] = x, ["y"] = y }.ToJsonString();
            }
            default:
            {
                if (shape.ValueKind != JsonValueKind.Array) throw Invalid("This shape is a list of {x, y} points.");
                var minimum = type == RegionShape.Polygon ? 3 : 2;
                var count = shape.GetArrayLength();
                if (count < minimum || count > MaxPoints)
                    throw Invalid($"A {TypeName(type)} needs between {minimum} and {MaxPoints} points.");
                var points = new JsonArray();
                foreach (var item in shape.EnumerateArray())
                {
                    var (x, y) = Point(item);
                    points.Add(new JsonObject { ["x"] = x, ["y"] = y });
                }
                return points.ToJsonString();
            }
        }
    }

    private static (double X, double Y) Point(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) throw Invalid("A point is an object {x, y}.");
        return (Number(element, "x"), Number(element, "y"));
    }

    private static double Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number
            || !value.TryGetDouble(out var number) || !double.IsFinite(number))
            throw Invalid($"'{name}' must be a finite number (pixels).");
        return number;
    }

    private static MementoException Invalid(string message) => MementoException.Validation("shape", message);
}
