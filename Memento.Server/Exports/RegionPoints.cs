using System.Text.Json;
using Memento.Domain.Model;

namespace Memento.Server.Exports;

/// <summary>
/// A stored region (RegionGeometry's canonical JSON, full-resolution pixels) as its outline points: a bbox as its
/// four corners clockwise from the top-left, a point as itself, lines and polygons as stored.
/// </summary>
public static class RegionPoints
{
    public static IReadOnlyList<(double X, double Y)> Of(RegionShape shape, string geometryJson)
    {
        using var doc = JsonDocument.Parse(geometryJson);
        var g = doc.RootElement;
        switch (shape)
        {
            case RegionShape.Rectangle:
            {
                double x = g.GetProperty("x").GetDouble(), y = g.GetProperty("y").GetDouble();
                double w = g.GetProperty("w").GetDouble(), h = g.GetProperty("h").GetDouble();
                return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)];
            }
            case RegionShape.Point:
                return [(g.GetProperty("x").GetDouble(), g.GetProperty("y").GetDouble())];
            default:
                return g.EnumerateArray().Select(p => (p.GetProperty("x").GetDouble(), p.GetProperty("y").GetDouble())).ToList();
        }
    }

    /// <summary>[x, y, width, height] of the points' bounding box.</summary>
    public static (double X, double Y, double W, double H) Bounds(IReadOnlyList<(double X, double Y)> points)
    {
        double minX = points.Min(p => p.X), minY = points.Min(p => p.Y);
        return (minX, minY, points.Max(p => p.X) - minX, points.Max(p => p.Y) - minY);
    }

    /// <summary>The area enclosed by a polygon (shoelace formula), in square pixels.</summary>
    public static double Area(IReadOnlyList<(double X, double Y)> points)
    {
        var sum = 0.0;
        for (var i = 0; i < points.Count; i++)
        {
            var (x1, y1) = points[i];
            var (x2, y2) = points[(i + 1) % points.Count];
            sum += x1 * y2 - x2 * y1;
        }
        return Math.Abs(sum) / 2;
    }
}
