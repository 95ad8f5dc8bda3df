using Memento.Domain.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Projects;

/// <summary>A project in a list page: whether the caller administers it decides the editor link.</summary>
public sealed record ProjectListItem(long Id, string Name, bool Administers);

/// <summary>One page of a project list and whether more follow.</summary>
public sealed record ProjectListPage(IReadOnlyList<ProjectListItem> Items, bool HasMore);

/// <summary>
/// The project lists of the pages (home's "Work on your projects", the projects picker): filtered by name and
/// paged in the database, so a user with thousands of projects gets one page of rows, never all of them.
/// </summary>
public sealed class ProjectDirectory(AccessPolicy policy)
{
    public const int PageSize = 50;

    /// <summary>Every project the caller may open (any role in or under it, ownership, public ones).</summary>
    public Task<ProjectListPage> VisibleAsync(Caller caller, string? nameContains, int skip, CancellationToken ct = default)
    {
        caller.RequireUserId();
        return PageAsync(caller, policy.VisibleProjects(caller), nameContains, skip, ct);
    }

    /// <summary>The projects the caller administers (the picker of the project editors).</summary>
    public Task<ProjectListPage> AdministeredAsync(Caller caller, string? nameContains, int skip, CancellationToken ct = default)
    {
        caller.RequireUserId();
        return PageAsync(caller, policy.AdministeredProjects(caller), nameContains, skip, ct);
    }

    private async Task<ProjectListPage> PageAsync(Caller caller, IQueryable<Model.Project> projects, string? nameContains,
        int skip, CancellationToken ct)
    {
        var needle = (nameContains ?? "").Trim().ToUpperInvariant();
        if (needle.Length > 200) throw MementoException.Validation("q", "Search at most 200 characters.");
        if (needle.Length > 0) projects = projects.Where(p => p.Name.ToUpper().Contains(needle));
        var rows = await projects.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(Math.Max(0, skip))
            .Take(PageSize + 1).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var shown = rows.Take(PageSize).Select(p => p.Id).ToList();
        // One query for the editor links of the shown page, with the same rule as every administration check.
        var administered = await policy.AdministeredProjects(caller).Where(p => shown.Contains(p.Id)).Select(p => p.Id)
            .ToListAsync(ct);
        var items = rows.Take(PageSize).Select(p => new ProjectListItem(p.Id, p.Name, administered.Contains(p.Id))).ToList();
        return new ProjectListPage(items, rows.Count > PageSize);
    }
}
