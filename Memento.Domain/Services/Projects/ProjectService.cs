using System.Linq.Expressions;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Events;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Projects;

/// <summary>Projects: lookup, the caller's list, create / getOrCreate, rename, settings, visibility, delete.</summary>
public sealed class ProjectService(MementoDbContext db, AccessPolicy policy, ContainerDeletion deletion,
    TimeProvider clock, IDomainEvents events)
{
    /// <summary>The read model as one SQL projection, for the API's batched loaders too.</summary>
    public static readonly Expression<Func<Project, ProjectInfo>> ToInfo =
        p => new ProjectInfo(p.Id, p.Name, p.Settings, p.Visibility, p.OwnerId, p.CreatedAt);

    /// <summary>A project row (possibly projected to a few columns) as the API returns it.</summary>
    public static readonly Func<Project, ProjectInfo> Info = ToInfo.Compile();

    public async Task<ProjectInfo> GetAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, id, ct);
        return await db.Projects.AsNoTracking().Where(p => p.Id == id).Select(ToInfo).SingleAsync(ct);
    }

    /// <summary>
    /// The project with this name among those the caller can see, or null. Names are unique per owner, so several
    /// may match: the caller's own comes first, then the lowest id.
    /// </summary>
    public Task<ProjectInfo?> FindByNameAsync(Caller caller, string name, CancellationToken ct = default) =>
        ByNamePreferringOwn(policy.VisibleProjects(caller).AsNoTracking(), caller, name.Trim()).Select(ToInfo)
            .FirstOrDefaultAsync(ct);

    /// <summary>The caller's projects (any role in or under them, ownership, public ones), by name.</summary>
    public IQueryable<ProjectInfo> ListMine(Caller caller) =>
        policy.VisibleProjects(caller).AsNoTracking().OrderBy(p => p.Name).Select(ToInfo);

    /// <summary>A new project owned by the caller; CONFLICT only when the caller already owns one of this name.</summary>
    public async Task<ProjectInfo> CreateAsync(Caller caller, string name, string? settings = "",
        CancellationToken ct = default)
    {
        var project = await NewProjectAsync(caller, name, settings, ct);
        // The unique index is (OwnerId, Name), so the only row that can refuse this one is the caller's own.
        await Saving.AddAsync(db, project, ProjectMessages.YouAlreadyHave(project.Name), ct);
        return await GetAsync(caller, project.Id, ct);
    }

    /// <summary>
    /// The caller's own project with this name, else the lowest-id project of this name the caller can read (a
    /// participant's import script lands in the shared project), else a new project owned by the caller.
    /// Projects the caller cannot see are never considered. Idempotent and race-safe.
    /// </summary>
    public async Task<(ProjectInfo Project, bool Created)> GetOrCreateAsync(Caller caller, string name,
        string? settings = "", CancellationToken ct = default)
    {
        caller.RequireUserId();
        if (!await policy.CanCreateProjectsAsync(caller, ct))
        {
            // A participant's import script finds the shared project it can read; only a new name needs the right
            // to create. Projects the caller cannot see are never considered, so nothing is revealed.
            var existing = await ByNamePreferringOwn(policy.VisibleProjects(caller), caller, Inputs.Name(name))
                .Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
            if (existing is { } found) return (await GetAsync(caller, found, ct), false);
        }
        var fresh = await NewProjectAsync(caller, name, settings, ct);
        Task<long?> Find(CancellationToken token) =>
            ByNamePreferringOwn(policy.VisibleProjects(caller), caller, fresh.Name).Select(p => (long?)p.Id)
                .FirstOrDefaultAsync(token);
        var (id, created) = await Saving.GetOrCreateAsync(db, Find, () => fresh, p => p.Id, ct);
        return (await GetAsync(caller, id, ct), created);
    }

    public Task<ProjectInfo> RenameAsync(Caller caller, long id, string name, CancellationToken ct = default) =>
        UpdateAsync(caller, id, p => p.Name = Inputs.Name(name), ct);

    public Task<ProjectInfo> SetSettingsAsync(Caller caller, long id, string? settings, CancellationToken ct = default) =>
        UpdateAsync(caller, id, p => p.Settings = ProjectSettings.Validate(settings), ct);

    public async Task<ProjectInfo> SetVisibilityAsync(Caller caller, long id, ProjectVisibility visibility,
        CancellationToken ct = default)
    {
        var updated = await UpdateAsync(caller, id, p => p.Visibility = visibility, ct);
        events.AccessAndCountersChanged(id); // public projects are readable by every signed-in user
        return updated;
    }

    /// <summary>Deletes the project and everything in it (categories, annotations, layers, images, comments, roles).</summary>
    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await policy.RequireAdministerProjectAsync(caller, id, ct);
        if (!await deletion.DeleteProjectAsync(id, ct)) throw MementoException.NotFound("Project", id);
        policy.Invalidate();
        events.Raise(new AccessChanged(id));
    }

    private async Task<Project> NewProjectAsync(Caller caller, string name, string? settings, CancellationToken ct)
    {
        caller.RequireUserId();
        if (!await policy.CanCreateProjectsAsync(caller, ct))
            throw MementoException.Forbidden(ProjectMessages.MayNotCreate);
        return new Project
        {
            Name = Inputs.Name(name), Settings = ProjectSettings.Validate(settings), OwnerId = caller.UserId,
            CreatedAt = clock.GetUtcNow(),
        };
    }

    /// <summary>Projects of this name, the caller's own first, then by id.</summary>
    private static IQueryable<Project> ByNamePreferringOwn(IQueryable<Project> projects, Caller caller, string name)
    {
        var named = projects.Where(p => p.Name == name);
        // Without an account nothing is one's own (and a null id must not match ownerless projects).
        if (caller.UserId is not { } userId) return named.OrderBy(p => p.Id);
        return named.OrderBy(p => p.OwnerId == userId ? 0 : 1).ThenBy(p => p.Id);
    }

    private async Task<ProjectInfo> UpdateAsync(Caller caller, long id, Action<Project> change, CancellationToken ct)
    {
        await policy.RequireAdministerProjectAsync(caller, id, ct);
        var project = await db.Projects.SingleAsync(p => p.Id == id, ct);
        change(project);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            // Only the project's own owner's names can clash (the index is per owner); say whose.
            throw MementoException.Conflict(project.OwnerId == caller.UserId
                ? ProjectMessages.YouAlreadyHave(project.Name)
                : ProjectMessages.OwnerAlreadyHas(project.Name));
        }
        db.ChangeTracker.Clear();
        return await GetAsync(caller, id, ct);
    }
}
