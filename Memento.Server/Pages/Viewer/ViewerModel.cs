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
/// and next pages exist when <see cref="Page"/> &gt; 1 and <see cref="HasMore"/>.
/// </summary>
public sealed record SidebarCategory(long Id, string Name, IReadOnlyList<SidebarAnnotation> Annotations, int Page,
    bool HasMore);

public sealed record SidebarAnnotation(long Id, string Name);
