using System.Linq.Expressions;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Authorization;

/// <summary>
/// Answers "may this caller read / take part in / administer this?" for every service, resolver and admin page.
/// One scoped instance per request. Every rule is an EF Core predicate (<see cref="AccessPolicy"/>.Predicates),
/// so point checks and list filters share one definition: what a list shows is exactly what a point check allows,
/// and nested lists (project.categories, counts, reports) filter in the database, never in memory.
/// Point-check answers are cached for the request, so resolvers may ask freely.
/// </summary>
public sealed partial class AccessPolicy(MementoDbContext db, TimeProvider clock)
{
    private readonly Dictionary<(string Check, long Id, Caller Caller), bool> cache = [];

    private const string ProjectRead = "project.read", CategoryRead = "category.read",
        AnnotationRead = "annotation.read", ImageRead = "image.read";

    // ───────────────────────────── list filters ─────────────────────────────

    /// <summary>Projects the caller can open: any role in or under the project, ownership, or public + signed in.</summary>
    public IQueryable<Project> VisibleProjects(Caller caller) => db.Projects.Where(ProjectVisible(caller));

    /// <summary>Projects the caller administers: ownership, proadm on it, or system administration.</summary>
    public IQueryable<Project> AdministeredProjects(Caller caller) => db.Projects.Where(ProjectAdministrable(caller));

    /// <summary>
    /// Categories the caller can see. A catpar/catvie sees only its category; an annpar/annvie sees the categories
    /// holding its annotations; project-wide roles see all. Sibling categories never appear.
    /// </summary>
    public IQueryable<Category> VisibleCategories(Caller caller, long projectId) =>
        db.Categories.Where(c => c.ProjectId == projectId).Where(CategoryVisible(caller));

    /// <summary>Categories the caller can see, server-wide; compose with a project filter.</summary>
    public IQueryable<Category> VisibleCategories(Caller caller) => db.Categories.Where(CategoryVisible(caller));

    /// <summary>Annotations the caller can read, server-wide; compose with a category or project filter.</summary>
    public IQueryable<Annotation> VisibleAnnotations(Caller caller) => db.Annotations.Where(AnnotationVisible(caller));

    public IQueryable<Annotation> VisibleAnnotations(Caller caller, long categoryId) =>
        VisibleAnnotations(caller).Where(a => a.CategoryId == categoryId);

    public IQueryable<Annotation> VisibleAnnotationsInProject(Caller caller, long projectId) =>
        VisibleAnnotations(caller).Where(a => a.Category.ProjectId == projectId);

    /// <summary>Images the caller can read: the project's images for project-wide readers, otherwise those shown
    /// by a layer of an annotation the caller can read (or the one image of an image share link).</summary>
    /// <summary>Annotations the caller may label, classify, submit, comment and draw on.</summary>
    public IQueryable<Annotation> ParticipableAnnotations(Caller caller) => db.Annotations.Where(AnnotationParticipable(caller));

    public IQueryable<Image> VisibleImages(Caller caller) => db.Images.Where(ImageVisible(caller));

    // ───────────────────────────── point checks ─────────────────────────────

    public Task<bool> CanReadProjectAsync(Caller caller, long projectId, CancellationToken ct = default) =>
        Cached(ProjectRead, projectId, caller, () => VisibleProjects(caller).AnyAsync(p => p.Id == projectId, ct));

    public Task<bool> CanReadCategoryAsync(Caller caller, long categoryId, CancellationToken ct = default) =>
        Cached(CategoryRead, categoryId, caller,
            () => db.Categories.Where(CategoryVisible(caller)).AnyAsync(c => c.Id == categoryId, ct));

    public Task<bool> CanReadAnnotationAsync(Caller caller, long annotationId, CancellationToken ct = default) =>
        Cached(AnnotationRead, annotationId, caller,
            () => VisibleAnnotations(caller).AnyAsync(a => a.Id == annotationId, ct));

    public Task<bool> CanReadImageAsync(Caller caller, long imageId, CancellationToken ct = default) =>
        Cached(ImageRead, imageId, caller, () => VisibleImages(caller).AnyAsync(i => i.Id == imageId, ct));

    /// <summary>May label, classify, submit, comment and draw on this annotation.</summary>
    public Task<bool> CanParticipateAsync(Caller caller, long annotationId, CancellationToken ct = default) =>
        Cached("annotation.participate", annotationId, caller,
            () => db.Annotations.Where(AnnotationParticipable(caller)).AnyAsync(a => a.Id == annotationId, ct));

    /// <summary>May change the project's structure, vocabulary, images, members and settings.</summary>
    public Task<bool> CanAdministerProjectAsync(Caller caller, long projectId, CancellationToken ct = default) =>
        Cached("project.admin", projectId, caller,
            () => db.Projects.Where(ProjectAdministrable(caller)).AnyAsync(p => p.Id == projectId, ct));

    /// <summary>
    /// System administrators and holders of the system-level proadm code (<see cref="User.IsProAdm"/>) create
    /// projects, and administer those they own. A fresh server has only its first administrator: every other
    /// project creator is named by a system administrator (setProadm, the edit-user page).
    /// </summary>
    public async Task<bool> CanCreateProjectsAsync(Caller caller, CancellationToken ct = default)
    {
        if (caller.UserId is not { } userId) return false;
        if (await IsSysAdminAsync(caller, ct)) return true;
        return await Cached("projects.create", userId, caller,
            () => db.Users.AnyAsync(u => u.Id == userId && u.IsProAdm, ct));
    }

    /// <summary>
    /// Sees the management pages (the home page's "Other actions": Projects, Share image): whoever may create
    /// projects or administers at least one.
    /// </summary>
    public async Task<bool> ManagesProjectsAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsUser) return false;
        if (await IsSysAdminAsync(caller, ct) || await CanCreateProjectsAsync(caller, ct)) return true;
        return await Cached("projects.manage", 0, caller, () => db.Projects.Where(ProjectAdministrable(caller)).AnyAsync(ct));
    }

    /// <summary>
    /// A system administrator either way one is made: the account flag (createUser, setSysadm; the sign-in claim)
    /// or the sysadm role code (grantRole), which every other check already honours.
    /// </summary>
    public Task<bool> IsSysAdminAsync(Caller caller, CancellationToken ct = default)
    {
        if (caller.IsSysAdmin) return Task.FromResult(true);
        if (caller.UserId is not { } userId) return Task.FromResult(false);
        return Cached("system.admin", userId, caller,
            () => db.Permissions.AnyAsync(p => p.UserId == userId && p.Role == PermissionRole.SysAdm, ct));
    }

    private async Task<bool> Cached(string check, long id, Caller caller, Func<Task<bool>> query)
    {
        if (cache.TryGetValue((check, id, caller), out var known)) return known;
        var allowed = await query();
        cache[(check, id, caller)] = allowed;
        return allowed;
    }

    /// <summary>Forget cached answers after this request changed roles or ownership.</summary>
    public void Invalidate() => cache.Clear();

    private DateTimeOffset Now => clock.GetUtcNow();
}
