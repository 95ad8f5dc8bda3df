using Memento.Domain.Authorization;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Projects;
using Microsoft.EntityFrameworkCore;

namespace Memento.Server.Pages.Viewer;

/// <summary>
/// Builds the viewer page's model through the domain services with the caller, so the page reads exactly what the
/// API would let the caller read. A project or annotation the caller may not read is "not found", the same answer
/// as for one that does not exist: the page never confirms what exists out of the caller's reach.
/// </summary>
public sealed class ViewerLoader(ProjectService projects, CategoryService categories, AnnotationService annotations)
{
    /// <summary>Categories listed in the sidebar; beyond this a note says so (issue 14's sidebar searches).</summary>
    public const int MaxCategories = 100;

    /// <summary>Annotations per category and page: categories may hold thousands, the sidebar shows a page.</summary>
    public const int AnnotationsPerPage = 25;

    public async Task<ViewerModel> LoadAsync(Caller caller, long projectId, long? annotationId, long? groupId,
        long? pagedCategory, int page, CancellationToken ct)
    {
        var project = await ReadableAsync(() => projects.GetAsync(caller, projectId, ct), "Project", projectId);
        AnnotationInfo? annotation = null;
        if (annotationId is { } aid)
        {
            annotation = await ReadableAsync(() => annotations.GetAsync(caller, aid, ct), "Annotation", aid);
            // An annotation of another project is not part of this one's viewer.
            if (annotation.ProjectId != projectId) throw MementoException.NotFound("Annotation", aid);
        }
        var listed = await (await categories.ListAsync(caller, projectId, ct)).Take(MaxCategories + 1).ToListAsync(ct);
        var shown = new List<SidebarCategory>(Math.Min(listed.Count, MaxCategories));
        foreach (var category in listed.Take(MaxCategories))
        {
            // The category holding the open annotation opens on its first page too; only the one whose "more"
            // link was followed moves on.
            var pageOf = category.Id == pagedCategory ? Math.Max(1, page) : 1;
            var (items, hasMore) = await annotations.PageAsync(caller, category.Id, null,
                (pageOf - 1) * AnnotationsPerPage, AnnotationsPerPage, ct);
            shown.Add(new SidebarCategory(category.Id, category.Name,
                items.Select(a => new SidebarAnnotation(a.Id, a.Name)).ToList(), pageOf, hasMore,
                CategoryGrid.Of(category.Settings)));
        }
        var sidebar = new ViewerSidebar(project.Name, project.Id, shown, listed.Count > MaxCategories, annotation?.Name);
        return new ViewerModel(annotation?.Name ?? project.Name, project.Id, annotation?.Id,
            annotation is null ? null : groupId, null, ProjectSettings.Viewer(project.Settings), sidebar);
    }

    /// <summary>Forbidden becomes NotFound with the message a missing object gets.</summary>
    private static async Task<T> ReadableAsync<T>(Func<Task<T>> read, string what, long id)
    {
        try
        {
            return await read();
        }
        catch (MementoException e) when (e.Code == ErrorCode.Forbidden)
        {
            throw MementoException.NotFound(what, id);
        }
    }
}
