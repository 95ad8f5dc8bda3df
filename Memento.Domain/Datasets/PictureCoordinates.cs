using System.Text.Json;
using System.Text.Json.Nodes;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Regions;

namespace Memento.Domain.Datasets;

/// <summary>
/// Converts between the stored region geometry (full-resolution image pixels, <see cref="RegionGeometry"/>) and the
/// dataset document's format (fractions of the image's width and height in [0, 1], origin top-left). Both directions
/// go through here so the API, the pages and uploads agree to the last digit.
/// </summary>
public static class PictureCoordinates
{
    /// <summary>The document's type name: a drawn two-point line is a polyline there.</summary>
    public static string TypeName(RegionShape shape) => shape == RegionShape.Line ? "polyline" : RegionGeometry.TypeName(shape);

    /// <summary>Stored pixels → [0, 1]. An image without a known size yields the pixels unchanged (never divides by zero).</summary>
    public static JsonElement ToFractions(string geometryJson, int? width, int? height)
    {
        var node = JsonNode.Parse(geometryJson);
        double sx = width is > 0 ? 1.0 / width.Value : 1, sy = height is > 0 ? 1.0 / height.Value : 1;
        Scale(node, sx, sy);
        return JsonSerializer.SerializeToElement(node);
    }

    /// <summary>
    /// [0, 1] as the document sends it → the stored pixel JSON for an image of the given size; VALIDATION when a
    /// coordinate lies outside [0, 1] or the shape does not fit its type.
    /// </summary>
    public static string ToPixels(RegionShape type, JsonElement fractions, int width, int height)
    {
        var canonical = JsonNode.Parse(RegionGeometry.Normalize(type, fractions))!;
        foreach (var value in Numbers(canonical))
            if (value < 0 || value > 1)
                throw MementoException.Validation("shape", "Coordinates are fractions of the image's size, between 0 and 1.");
        Scale(canonical, width, height);
        return canonical.ToJsonString();
    }

    private static IEnumerable<double> Numbers(JsonNode? node) => node switch
    {
        JsonArray array => array.SelectMany(Numbers),
        JsonObject obj => obj.SelectMany(p => Numbers(p.Value)),
        JsonValue value when value.TryGetValue<double>(out var d) => [d],
        _ => [],
    };

    // x and w scale with the width, y and h with the height.
    private static void Scale(JsonNode? node, double sx, double sy)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array) Scale(item, sx, sy);
                break;
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is JsonValue v && v.TryGetValue<double>(out var d))
                        obj[key] = key is "x" or "w" ? d * sx : key is "y" or "h" ? d * sy : d;
                    else Scale(obj[key], sx, sy);
                }
                break;
        }
    }
}
