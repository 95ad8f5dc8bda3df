using Memento.Domain.Authorization;
using Memento.Domain.Services.Common;

namespace Memento.Domain.Services.Projects;

/// <summary>
/// The manual's project settings string ("fastannotation:1,annotationexclusive:1,darkmode:1"): comma-separated
/// key:value pairs, every key optional. Validated here, on every write (the API's createProject, getOrCreateProject,
/// setProjectSettings and the project editor page alike), so a typo never reaches the viewer as a silently ignored
/// setting. A refusal is one VALIDATION error on the field "settings" naming each bad key and its accepted values.
/// </summary>
public static class ProjectSettings
{
    private sealed record Key(string Accepted, Func<string, bool> IsValid);

    // Flags: the manual documents "1"; "0" is accepted as the explicit form of leaving the key out.
    private static readonly Key Flag = new("1 (or 0 for off)", v => v is "0" or "1");

    /// <summary>Every key of the manual's table, in its order.</summary>
    private static readonly (string Name, Key Key)[] Table =
    [
        ("darkmode", Flag),
        ("clastype", new("i (icon, the default) or l (letter)", v => v is "i" or "l")),
        ("defaultlayer", new("a layer sequence number (0 or more)", v => v.Length is > 0 and <= 7 && v.All(char.IsAsciiDigit))),
        ("expandannotation", Flag),
        ("expandclassification", Flag),
        ("expandlayer", Flag),
        ("expandcomment", Flag),
        ("expandcontrols", Flag),
        ("fastannotation", Flag),
        ("annotationexclusive", Flag),
        ("classificationexclusive", Flag),
        ("groupcontrols", Flag),
    ];

    private static readonly Dictionary<string, Key> ByName = Table.ToDictionary(k => k.Name, k => k.Key, StringComparer.Ordinal);

    /// <summary>The keys the manual documents, in its order (for help texts).</summary>
    public static IReadOnlyList<string> KeyNames { get; } = Table.Select(k => k.Name).ToArray();

    /// <summary>What each key accepts, as the editor's help and the error messages say it.</summary>
    public static string AcceptedValues(string key) => ByName[key].Accepted;

    /// <summary>
    /// The settings string with blanks around keys and values removed, or a VALIDATION error (field "settings")
    /// naming every unknown key, bad value, duplicate or malformed pair. Empty means "all defaults".
    /// </summary>
    public static string Validate(string? value)
    {
        var text = Inputs.Settings(value);
        if (text.Length == 0) return "";
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new List<string>();
        foreach (var raw in text.Split(','))
        {
            var entry = raw.Trim();
            if (entry.Length == 0) continue; // "a:1,,b:1" or a trailing comma: nothing to set
            var colon = entry.IndexOf(':');
            if (colon < 0)
            {
                problems.Add($"'{entry}' is not a key:value pair (for example darkmode:1).");
                continue;
            }
            var key = entry[..colon].Trim();
            var keyValue = entry[(colon + 1)..].Trim();
            if (!ByName.TryGetValue(key, out var rule))
                problems.Add($"Unknown setting '{key}'. The known keys are: {string.Join(", ", KeyNames)}.");
            else if (!seen.Add(key))
                problems.Add($"The setting '{key}' is given more than once.");
            else if (!rule.IsValid(keyValue))
                problems.Add($"The setting '{key}' accepts {rule.Accepted}, not '{keyValue}'.");
            pairs.Add($"{key}:{keyValue}");
        }
        if (problems.Count > 0) throw MementoException.Validation("settings", string.Join(" ", problems));
        return string.Join(",", pairs);
    }

    /// <summary>
    /// The stored settings as key → value (the last value of a key wins; pairs that are not key:value are skipped).
    /// Reads what <see cref="Validate"/> let through, and settings stored before validation existed, without failing.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Read(string? settings)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in (settings ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = raw.IndexOf(':');
            if (colon > 0) values[raw[..colon].Trim()] = raw[(colon + 1)..].Trim();
        }
        return values;
    }

    /// <summary>The viewer's keys, typed: what the viewer page hands its scripts.</summary>
    public static ViewerSettings Viewer(string? settings)
    {
        var values = Read(settings);
        bool On(string key) => values.TryGetValue(key, out var v) && v == "1";
        int? defaultLayer = values.TryGetValue("defaultlayer", out var d) && d.Length is > 0 and <= 7 && d.All(char.IsAsciiDigit)
            ? int.Parse(d, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new ViewerSettings(On("darkmode"), On("expandcontrols"), On("expandlayer"), defaultLayer, On("groupcontrols"))
        {
            ExpandAnnotation = On("expandannotation"),
            ExpandClassification = On("expandclassification"),
            ExpandComment = On("expandcomment"),
            FastAnnotation = On("fastannotation"),
            AnnotationExclusive = On("annotationexclusive"),
            ClassificationExclusive = On("classificationexclusive"),
            ClassificationAsLetter = values.TryGetValue("clastype", out var c) && c == "l",
        };
    }
}

/// <summary>
/// The project settings the viewer applies at load (manual, "Project settings"): dark background, controls and layer
/// panel expanded, the layer (by sequence number) preselected, intensity/opacity kept in sync across layer groups.
/// </summary>
public sealed record ViewerSettings(bool DarkMode, bool ExpandControls, bool ExpandLayer, int? DefaultLayer,
    bool GroupControls)
{
    /// <summary>The label panel opens on load.</summary>
    public bool ExpandAnnotation { get; init; }
    /// <summary>The classification panel opens on load.</summary>
    public bool ExpandClassification { get; init; }
    /// <summary>The comment panel opens on load.</summary>
    public bool ExpandComment { get; init; }
    /// <summary>Keys 1-9 pick a label, submit and move to the next sample.</summary>
    public bool FastAnnotation { get; init; }
    /// <summary>Labels behave as radio buttons.</summary>
    public bool AnnotationExclusive { get; init; }
    /// <summary>One classification option at a time.</summary>
    public bool ClassificationExclusive { get; init; }
    /// <summary>clastype:l — the sidebar shows the classification as a letter, not an icon.</summary>
    public bool ClassificationAsLetter { get; init; }
}
