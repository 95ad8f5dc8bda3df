using Memento.Domain.Services.Projects;

namespace Memento.Server.Pages.Viewer;

/// <summary>
/// What the viewer page renders: its root's data attributes (read by wwwroot/js/viewer/viewer-page.js) and the
/// server-rendered sidebar. A share link's limited viewer has a token, is read-only and has no sidebar.
/// </summary>
public sealed record ViewerModel(
    string Title,
    long? ProjectId,
    long? AnnotationId,
    long? GroupId,
    string? ShareToken,
    ViewerSettings Settings,
    ViewerSidebar? Sidebar,
    string? SharedName = null)
{
    public bool ReadOnly => ShareToken is not null;

    /// <summary>The deep link to one annotation of the project (what the sidebar links to).</summary>
    public static string AnnotationUrl(long projectId, long annotationId) =>
        $"/projects/{projectId}/viewer/annotations/{annotationId}";
}

/// <summary>The project's categories the caller may see, each with one page of its annotations (by name).</summary>
public sealed record ViewerSidebar(string ProjectName, long ProjectId, IReadOnlyList<SidebarCategory> Categories,
    bool MoreCategories, string? CurrentAnnotationName);

/// <summary>
/// One category and a page of its annotations: <see cref="Page"/> (from 1) is the page shown; links to the previous
/// and next pages exist when <see cref="Page"/> &gt; 1 and <see cref="HasMore"/>. <see cref="Grid"/> is how its
/// thumbnail grid looks (sidebar.js reads it from the section's data-* attributes).
/// </summary>
public sealed record SidebarCategory(long Id, string Name, IReadOnlyList<SidebarAnnotation> Annotations, int Page,
    bool HasMore, CategoryGrid Grid);

/// <summary>
/// The manual's category settings for the thumbnail grid: exactly <see cref="PerRow"/> cards a row (forcerow), no
/// names under the cards (nameshidden), a dark grid (darkmode; null: the project's darkmode decides).
/// </summary>
public sealed record CategoryGrid(int? PerRow, bool NamesHidden, bool? Dark)
{
    /// <summary>Reads a stored settings string without failing (a key without a value means 1, as on input).</summary>
    public static CategoryGrid Of(string? settings)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in (settings ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.IndexOf(':');
            values[(colon < 0 ? pair : pair[..colon]).Trim()] = colon < 0 ? "1" : pair[(colon + 1)..].Trim();
        }
        int? perRow = values.TryGetValue("forcerow", out var n) && int.TryParse(n, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= Memento.Domain.Services.Categories.CategorySettings.MaxPerRow
            ? count : null;
        bool? dark = values.TryGetValue("darkmode", out var d) ? d == "1" : null;
        return new CategoryGrid(perRow, values.TryGetValue("nameshidden", out var h) && h == "1", dark);
    }
}

public sealed record SidebarAnnotation(long Id, string Name);
