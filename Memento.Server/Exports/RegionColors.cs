using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Memento.Server.Exports;

/// <summary>A region's colour for formats that want one: its stroke (#rrggbb) when styled, else one derived from its type.</summary>
public static class RegionColors
{
    public static int[] Rgb(string? styleJson, string type)
    {
        if (Stroke(styleJson) is { Length: 7 } hex && hex[0] == '#'
            && int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
            return [(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255];
        // Stable across exports and servers: the same type always gets the same colour.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(type));
        return [hash[0], hash[1], hash[2]];
    }

    public static string? Stroke(string? styleJson) => Property(styleJson, "stroke");

    public static string? Property(string? styleJson, string name)
    {
        if (styleJson is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(styleJson);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v)
                && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
