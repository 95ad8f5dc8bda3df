using Memento.Domain.Model;
using Memento.Domain.Services.Common;

namespace Memento.Domain.Services.Layers;

/// <summary>
/// An image layer's settings: the manual names one active key, bitDepth (the channel's bit depth; the viewer's
/// intensity slider goes to 2ⁿ−1). Group and drawing layers keep free settings (the viewer stores drawing
/// colours there), so only image layers are checked.
/// </summary>
public static class LayerSettings
{
    private static readonly Dictionary<string, SettingsString.ValueRule> ImageKeys = new()
    {
        // 1 to 16 bits: what the image formats we ingest can hold per channel.
        ["bitDepth"] = SettingsString.Integer(1, 16),
    };

    /// <summary>The settings as stored; VALIDATION (field "settings") for a bad image-layer setting.</summary>
    public static string Validate(LayerKind kind, string? settings) =>
        kind == LayerKind.Image ? SettingsString.Validate(settings, ImageKeys) : Inputs.Settings(settings);

    /// <summary>
    /// The layer's own bitDepth setting (1 to 16), or null when it has none (the image's bit depth applies then).
    /// Keys are matched without regard to case, as <see cref="Validate"/> accepts them.
    /// </summary>
    public static int? BitDepth(string? settings)
    {
        foreach (var part in (settings ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':');
            if (colon <= 0 || !part[..colon].Trim().Equals("bitDepth", StringComparison.OrdinalIgnoreCase)) continue;
            return int.TryParse(part[(colon + 1)..].Trim(), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var bits) && bits is >= 1 and <= 16 ? bits : null;
        }
        return null;
    }
}
