using Memento.Domain.Services.Common;

namespace Memento.Domain.Services.Categories;

/// <summary>
/// The manual's category settings (they apply to the category's thumbnail grid): forcerow (thumbnails per row),
/// nameshidden (hide the names under thumbnails), darkmode (dark grid, overriding the project's setting).
/// Checked here so that the pages and the API refuse the same strings with the same message.
/// </summary>
public static class CategorySettings
{
    /// <summary>More thumbnails per row than any screen shows would make the grid unusable.</summary>
    public const int MaxPerRow = 50;

    private static readonly Dictionary<string, SettingsString.ValueRule> Keys = new()
    {
        ["forcerow"] = SettingsString.Integer(1, MaxPerRow),
        ["nameshidden"] = SettingsString.Flag,
        ["darkmode"] = SettingsString.Flag,
    };

    /// <summary>The settings as stored; VALIDATION (field "settings") for an unknown key or a bad value.</summary>
    public static string Validate(string? settings) => SettingsString.Validate(settings, Keys);
}
