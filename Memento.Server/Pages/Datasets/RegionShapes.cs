using System.Globalization;
using System.Text.Json;
using Memento.Domain.Datasets;

namespace Memento.Server.Pages.Datasets;

/// <summary>
/// A picture's regions as SVG in the document's normalized coordinates (viewBox 0 0 1 1 over the image): one shape
/// per region, a colour class per object (the same in the list), and the words a person reads on hover or focus.
/// </summary>
public sealed record RegionShape(string Element, IReadOnlyDictionary<string, string> Attributes, string ColourClass, string Label);

public static class RegionShapes
{
    public const int Colours = 8;

    public static IReadOnlyList<RegionShape> For(Picture picture)
    {
        var colours = new Dictionary<string, int>();
        var shapes = new List<RegionShape>();
        foreach (var region in picture.Regions)
        {
            var key = region.Object ?? "";
            if (!colours.TryGetValue(key, out var colour)) colours[key] = colour = colours.Count % Colours;
            var label = region.Object is null ? region.Type : $"{region.Type}: {region.Object}";
            if (Shape(region) is { } shape)
                shapes.Add(new RegionShape(shape.Element, shape.Attributes, $"obj-{colour}", label));
        }
        return shapes;
    }

    private static (string Element, Dictionary<string, string> Attributes)? Shape(PictureRegion region)
    {
        var s = region.Shape;
        try
        {
            return region.Type switch
            {
                "bbox" => ("rect", new Dictionary<string, string>
                {
                    ["x"] = N(s.GetProperty("x")), ["y"] = N(s.GetProperty("y")),
                    ["width"] = N(s.GetProperty("w")), ["height"] = N(s.GetProperty("h")),
                }),
                "polygon" => ("polygon", new Dictionary<string, string> { ["points"] = Points(s) }),
                "polyline" => ("polyline", new Dictionary<string, string> { ["points"] = Points(s) }),
                // A zero-length line with round caps: a dot that stays round however the image is stretched.
                "point" => ("polyline", new Dictionary<string, string>
                {
                    ["points"] = $"{N(s.GetProperty("x"))},{N(s.GetProperty("y"))} {N(s.GetProperty("x"))},{N(s.GetProperty("y"))}",
                    ["class"] = "point",
                }),
                _ => null,
            };
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null; // A shape the reader could not normalize is listed, not drawn.
        }
    }

    private static string Points(JsonElement list) =>
        string.Join(" ", list.EnumerateArray().Select(p => $"{N(p.GetProperty("x"))},{N(p.GetProperty("y"))}"));

    private static string N(JsonElement value) => value.GetDouble().ToString("0.######", CultureInfo.InvariantCulture);
}
