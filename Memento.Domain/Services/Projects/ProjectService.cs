using System.Linq.Expressions;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Projects;

/// <summary>Projects: lookup, the caller's list, create / getOrCreate, rename, settings, visibility, delete.</summary>
public sealed class ProjectService(MementoDbContext db, AccessPolicy policy, ContainerDeletion deletion,
    TimeProvider clock)
{
    internal static readonly Expression<Func<Project, ProjectInfo>> ToInfo =
        p => new ProjectInfo(p.Id, p.Name, p.Settings, p.Visibility, p.OwnerId, p.CreatedAt);

    /// <summary>A project row (possibly projected to a few columns) as the API returns it.</summary>
    public static readonly Func<Project, ProjectInfo> Info = ToInfo.Compile();

    public async Task<ProjectInfo> GetAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, id, ct);
        return await db.Projects.AsNoTracking().Where(p => p.Id == id).Select(ToInfo).SingleAsync(ct);
    }

    /// <summary>The project with this name, or null when there is none the caller can see.</summary>
    public Task<ProjectInfo?> FindByNameAsync(Caller caller, string name, CancellationToken ct = default) =>
        policy.VisibleProjects(caller).AsNoTracking().Where(p => p.Name == name.Trim()).Select(ToInfo)
            .SingleOrDefaultAsync(ct);

    /// <summary>The caller's projects (any role in or under them, ownership, public ones), by name.</summary>
    public IQueryable<ProjectInfo> ListMine(Caller caller) =>
        policy.VisibleProjects(caller).AsNoTracking().OrderBy(p => p.Name).Select(ToInfo);

    public async Task<ProjectInfo> CreateAsync(Caller caller, string name, string? settings = "",
        CancellationToken ct = default)
    {
        var project = await NewProjectAsync(caller, name, settings, ct);
        await Saving.AddAsync(db, project, $"A project named '{project.Name}' already exists.", ct);
        return await GetAsync(caller, project.Id, ct);
    }

    /// <summary>The project with this name if it exists (and the caller may read it), else a new one. Idempotent.</summary>
    public async Task<(ProjectInfo Project, bool Created)> GetOrCreateAsync(Caller caller, string name,
        string? settings = "", CancellationToken ct = default)
    {
        var cleanName = Inputs.Name(name);
        Task<long?> Find(CancellationToken token) =>
            db.Projects.Where(p => p.Name == cleanName).Select(p => (long?)p.Id).SingleOrDefaultAsync(token);
        if (await Find(ct) is null) await NewProjectAsync(caller, cleanName, settings, ct); // checks rights first
        var (id, created) = await Saving.GetOrCreateAsync(db, Find,
            () => new Project
            {
                Name = cleanName, Settings = Inputs.Settings(settings), OwnerId = caller.UserId,
                CreatedAt = clock.GetUtcNow(),
            }, p => p.Id, ct);
        return (await GetAsync(caller, id, ct), created);
    }

    public Task<ProjectInfo> RenameAsync(Caller caller, long id, string name, CancellationToken ct = default) =>
        UpdateAsync(caller, id, p => p.Name = Inputs.Name(name), ct);

    public Task<ProjectInfo> SetSettingsAsync(Caller caller, long id, string? settings, CancellationToken ct = default) =>
        UpdateAsync(caller, id, p => p.Settings = Inputs.Settings(settings), ct);

    public Task<ProjectInfo> SetVisibilityAsync(Caller caller, long id, ProjectVisibility visibility,
        CancellationToken ct = default) => UpdateAsync(caller, id, p => p.Visibility = visibility, ct);

    /// <summary>Deletes the project and everything in it (categories, annotations, layers, images, comments, roles).</summary>
    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await policy.RequireAdministerProjectAsync(caller, id, ct);
        if (!await deletion.DeleteProjectAsync(id, ct)) throw MementoException.NotFound("Project", id);
        policy.Invalidate();
    }

    private async Task<Project> NewProjectAsync(Caller caller, string name, string? settings, CancellationToken ct)
    {
        caller.RequireUserId();
        if (!await policy.CanCreateProjectsAsync(caller, ct))
            throw MementoException.Forbidden("Only signed-in users can create projects.");
        return new Project
        {
            Name = Inputs.Name(name), Settings = Inputs.Settings(settings), OwnerId = caller.UserId,
            CreatedAt = clock.GetUtcNow(),
        };
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
            throw MementoException.Conflict("Another project already has this name.");
        }
        db.ChangeTracker.Clear();
        return await GetAsync(caller, id, ct);
    }
}
