using Memento.Domain.Authorization;

namespace Memento.Domain.Services.Common;

/// <summary>
/// The manual's settings strings ("forcerow:4,nameshidden:1"): comma-separated key:value pairs. Each kind of
/// settings (category, layer) declares its keys and how a value is checked; anything else is refused with a
/// message naming the key, so a typo never becomes a silently ignored setting.
/// </summary>
public static class SettingsString
{
    /// <summary>How one key's value is checked: returns null when the value is fine, else the reason.</summary>
    public delegate string? ValueRule(string value);

    /// <summary>
    /// The trimmed settings when every pair is known and valid; otherwise a VALIDATION error on
    /// <paramref name="field"/>. Empty means defaults. A key without ":value" is read as "key:1" (the manual's
    /// category table lists nameshidden without a value).
    /// </summary>
    public static string Validate(string? value, IReadOnlyDictionary<string, ValueRule> keys, string field = "settings")
    {
        var settings = Inputs.Settings(value, field);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in settings.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.Length == 0)
            {
                if (settings.Length == 0) break;
                throw MementoException.Validation(field, "Settings are key:value pairs separated by single commas.");
            }
            var colon = part.IndexOf(':');
            var key = (colon < 0 ? part : part[..colon]).Trim();
            var given = colon < 0 ? "1" : part[(colon + 1)..].Trim();
            var known = keys.Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            if (known is null)
                throw MementoException.Validation(field,
                    $"Unknown setting '{Shorten(key)}'. Known settings: {string.Join(", ", keys.Keys)}.");
            if (!seen.Add(known)) throw MementoException.Validation(field, $"The setting '{known}' is given twice.");
            if (keys[known](given) is { } reason)
                throw MementoException.Validation(field, $"Bad value '{Shorten(given)}' for '{known}': {reason}");
        }
        return settings;
    }

    /// <summary>An integer between the bounds.</summary>
    public static ValueRule Integer(int min, int max) => value =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
            out var n) && n >= min && n <= max ? null : $"an integer from {min} to {max} is expected.";

    /// <summary>A switch: 1 turns it on, 0 (the default) leaves it off.</summary>
    public static readonly ValueRule Flag = value => value is "0" or "1" ? null : "1 (on) or 0 (off) is expected.";

    // Messages repeat what the user typed; a pasted essay is cut so the message stays readable.
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
