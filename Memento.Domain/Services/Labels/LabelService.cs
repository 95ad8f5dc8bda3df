using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Labels;

public sealed record LabelInfo(long Id, long ProjectId, string Name);

/// <summary>A project's label vocabulary ("positive", "artifact"): read by its members, managed by its administrators.</summary>
public sealed class LabelService(MementoDbContext db, AccessPolicy policy)
{
    public async Task<List<LabelInfo>> ListAsync(Caller caller, long projectId, CancellationToken ct = default) =>
        await (await InProjectAsync(caller, projectId, ct)).ToListAsync(ct);

    /// <summary>
    /// The project's labels by name, once the caller is known to read the project, as a query the API's list and
    /// the project editor page in the database.
    /// </summary>
    public async Task<IQueryable<LabelInfo>> InProjectAsync(Caller caller, long projectId, CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, projectId, ct);
        return db.Labels.AsNoTracking().Where(l => l.ProjectId == projectId).OrderBy(l => l.Name).ThenBy(l => l.Id)
            .Select(l => new LabelInfo(l.Id, l.ProjectId, l.Name));
    }

    /// <summary>One label, for callers who may read its project; NOT_FOUND when there is no such label.</summary>
    public async Task<LabelInfo> GetAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var label = await db.Labels.AsNoTracking().Where(l => l.Id == id).Select(l => new LabelInfo(l.Id, l.ProjectId, l.Name))
            .SingleOrDefaultAsync(ct) ?? throw MementoException.NotFound("Label", id);
        await policy.RequireReadProjectAsync(caller, label.ProjectId, ct);
        return label;
    }

    public async Task<LabelInfo?> FindByNameAsync(Caller caller, long projectId, string name,
        CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, projectId, ct);
        return await db.Labels.AsNoTracking().Where(l => l.ProjectId == projectId && l.Name == name.Trim())
            .Select(l => new LabelInfo(l.Id, l.ProjectId, l.Name)).SingleOrDefaultAsync(ct);
    }

    public async Task<LabelInfo> CreateAsync(Caller caller, long projectId, string name, CancellationToken ct = default)
    {
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        var label = new Label { ProjectId = projectId, Name = Inputs.Name(name, max: 100) };
        await Saving.AddAsync(db, label, $"The project already has a label named '{label.Name}'.", ct);
        return new LabelInfo(label.Id, projectId, label.Name);
    }

    public async Task<(LabelInfo Label, bool Created)> GetOrCreateAsync(Caller caller, long projectId, string name,
        CancellationToken ct = default)
    {
        var cleanName = Inputs.Name(name, max: 100);
        if (await FindByNameAsync(caller, projectId, cleanName, ct) is { } existing) return (existing, false);
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        var (id, created) = await Saving.GetOrCreateAsync(db,
            token => db.Labels.Where(l => l.ProjectId == projectId && l.Name == cleanName).Select(l => (long?)l.Id)
                .SingleOrDefaultAsync(token),
            () => new Label { ProjectId = projectId, Name = cleanName }, l => l.Id, ct);
        return (new LabelInfo(id, projectId, cleanName), created);
    }

    public async Task<LabelInfo> RenameAsync(Caller caller, long id, string name, CancellationToken ct = default)
    {
        var projectId = await RequireAdministerAsync(caller, id, ct);
        var cleanName = Inputs.Name(name, max: 100);
        var label = await db.Labels.SingleAsync(l => l.Id == id, ct);
        label.Name = cleanName;
        try
        {
            // Tracked, not ExecuteUpdate: SaveChanges reports the unique index as a DbUpdateException on both
            // providers, where ExecuteUpdate lets the provider's own exception through (a 500, not a CONFLICT).
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw MementoException.Conflict($"The project already has a label named '{cleanName}'.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return new LabelInfo(id, projectId, cleanName);
    }

    /// <summary>Deletes the label; it leaves every annotation that carried it.</summary>
    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await RequireAdministerAsync(caller, id, ct);
        await db.Labels.Where(l => l.Id == id).ExecuteDeleteAsync(ct);
    }

    private async Task<long> RequireAdministerAsync(Caller caller, long id, CancellationToken ct)
    {
        var projectId = await db.Labels.Where(l => l.Id == id).Select(l => (long?)l.ProjectId).SingleOrDefaultAsync(ct)
            ?? throw MementoException.NotFound("Label", id);
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        return projectId;
    }
}
