using System.Linq.Expressions;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Events;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Layers;

/// <summary>
/// Layers of an annotation. Image and group layers are structure: the project's administrators make them.
/// Drawing layers belong to the participant who draws on them; only that owner (or an administrator) edits or
/// deletes one.
/// </summary>
public sealed class LayerService(MementoDbContext db, AccessPolicy policy, TimeProvider clock, IDomainEvents events)
{
    /// <summary>The read model as one SQL projection, for the API's batched loaders too.</summary>
    public static readonly Expression<Func<Layer, LayerInfo>> ToInfo = l => new LayerInfo(l.Id, l.AnnotationId,
        l.Name, l.Kind, l.ImageId, l.Settings, l.Sequence, l.ParentLayerId, l.OwnerId, l.Version);

    public async Task<LayerInfo> GetAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var (annotationId, _, _) = await FactsAsync(id, ct);
        await policy.RequireReadAnnotationAsync(caller, annotationId, ct);
        return await db.Layers.AsNoTracking().Where(l => l.Id == id).Select(ToInfo).SingleAsync(ct);
    }

    /// <summary>The annotation's layers in display order.</summary>
    public async Task<List<LayerInfo>> ListAsync(Caller caller, long annotationId, CancellationToken ct = default)
    {
        await policy.RequireReadAnnotationAsync(caller, annotationId, ct);
        return await db.Layers.AsNoTracking().Where(l => l.AnnotationId == annotationId)
            .OrderBy(l => l.Sequence).ThenBy(l => l.Id).Select(ToInfo).ToListAsync(ct);
    }

    public async Task<LayerInfo?> FindByNameAsync(Caller caller, long annotationId, string name,
        CancellationToken ct = default)
    {
        await policy.RequireReadAnnotationAsync(caller, annotationId, ct);
        return await db.Layers.AsNoTracking().Where(l => l.AnnotationId == annotationId && l.Name == name.Trim())
            .OrderBy(l => l.Id).Select(ToInfo).FirstOrDefaultAsync(ct);
    }

    public async Task<LayerInfo> CreateAsync(Caller caller, long annotationId, LayerSpec spec,
        CancellationToken ct = default)
    {
        var projectId = await RequireCreateAsync(caller, annotationId, spec.Kind, ct);
        var layer = await LayerRules.BuildAsync(db, projectId, annotationId, spec, caller.UserId, clock.GetUtcNow(), ct);
        db.Layers.Add(layer);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await events.AnnotationChangedAsync(db, caller, annotationId, AnnotationChange.LayerAdded, layer.Id, layer.Version, ct);
        return await GetAsync(caller, layer.Id, ct);
    }

    /// <summary>The annotation's layer with this name if there is one, else a new layer. Idempotent for imports.</summary>
    public async Task<(LayerInfo Layer, bool Created)> GetOrCreateAsync(Caller caller, long annotationId,
        LayerSpec spec, CancellationToken ct = default)
    {
        var name = Inputs.Name(spec.Name);
        if (await FindByNameAsync(caller, annotationId, name, ct) is { } existing) return (existing, false);
        // Layer names are not unique in the schema (two annotators may both call a drawing "ROI"), so the race
        // is closed by a serializable transaction instead of a unique index.
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        if (await db.Layers.AnyAsync(l => l.AnnotationId == annotationId && l.Name == name, ct))
        {
            await transaction.RollbackAsync(ct);
            return ((await FindByNameAsync(caller, annotationId, name, ct))!, false);
        }
        var created = await CreateAsync(caller, annotationId, spec with { Name = name }, ct);
        await transaction.CommitAsync(ct);
        return (created, true);
    }

    public async Task<LayerInfo> EditAsync(Caller caller, long id, LayerEdit edit, CancellationToken ct = default)
    {
        var (annotationId, projectId, _) = await RequireChangeAsync(caller, id, ct);
        var layer = await db.Layers.SingleAsync(l => l.Id == id, ct);
        if (edit.Name is not null) layer.Name = Inputs.Name(edit.Name);
        if (edit.Settings is not null) layer.Settings = LayerSettings.Validate(layer.Kind, edit.Settings);
        if (edit.Sequence is { } sequence && sequence >= 0) layer.Sequence = LayerRules.Sequence(sequence);
        if (edit.ImageId is { } imageId)
            layer.ImageId = imageId <= 0 && layer.Kind != LayerKind.Image ? null
                : await LayerRules.ImageAsync(db, projectId, layer.Kind, imageId, ct);
        if (edit.ParentId is { } parentId)
        {
            if (parentId == id) throw MementoException.Validation("parentId", "A layer cannot contain itself.");
            layer.ParentLayerId = await LayerRules.ParentAsync(db, annotationId, parentId, ct);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // In SQL, not on the tracked entity: a region save may advance the version meanwhile.
        var now = clock.GetUtcNow();
        await db.Layers.Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Version, l => l.Version + 1)
            .SetProperty(l => l.ChangedById, caller.UserId).SetProperty(l => l.ChangedAt, now), ct);
        await RaiseSavedAsync(caller, annotationId, id, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return await GetAsync(caller, id, ct);
    }

    /// <summary>Puts the annotation's layers in the given order (sequence 1..n); the list must name each layer once.</summary>
    public async Task<List<LayerInfo>> ReorderAsync(Caller caller, long annotationId, IReadOnlyList<long> layerIds,
        CancellationToken ct = default)
    {
        await policy.RequireAdministerProjectAsync(caller, await ProjectOfAnnotationAsync(annotationId, ct), ct);
        var layers = await db.Layers.Where(l => l.AnnotationId == annotationId).ToListAsync(ct);
        if (layerIds.Count != layers.Count || layerIds.Distinct().Count() != layers.Count
            || layers.Any(l => !layerIds.Contains(l.Id)))
            throw MementoException.Validation("layerIds", "List every layer of the annotation exactly once.");
        foreach (var layer in layers) layer.Sequence = layerIds.ToList().IndexOf(layer.Id) + 1;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return await ListAsync(caller, annotationId, ct);
    }

    /// <summary>Deletes the layer, its sub-layers, regions and comments.</summary>
    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var (annotationId, _, _) = await RequireChangeAsync(caller, id, ct);
        if (await db.Layers.Where(l => l.Id == id).ExecuteDeleteAsync(ct) > 0)
            await events.AnnotationChangedAsync(db, caller, annotationId, AnnotationChange.LayerDeleted, id, ct: ct);
    }

    /// <summary>
    /// Announces the layer's new version (read inside the caller's transaction, which holds the event until it
    /// commits), so open viewers reload it or warn that their copy is stale.
    /// </summary>
    internal async Task RaiseSavedAsync(Caller caller, long annotationId, long layerId, CancellationToken ct)
    {
        var version = await db.Layers.Where(l => l.Id == layerId).Select(l => l.Version).SingleAsync(ct);
        await events.AnnotationChangedAsync(db, caller, annotationId, AnnotationChange.LayerSaved, layerId, version, ct);
    }

    private async Task<long> RequireCreateAsync(Caller caller, long annotationId, LayerKind kind, CancellationToken ct)
    {
        var projectId = await ProjectOfAnnotationAsync(annotationId, ct);
        if (kind == LayerKind.Drawing) await policy.RequireParticipateAsync(caller, annotationId, ct);
        else await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        return projectId;
    }

    /// <summary>Administrators change any layer; a participant changes only the drawing layers they own.</summary>
    internal async Task<(long AnnotationId, long ProjectId, LayerKind Kind)> RequireChangeAsync(Caller caller, long id,
        CancellationToken ct)
    {
        var facts = await FactsAsync(id, ct);
        if (await policy.CanAdministerProjectAsync(caller, facts.ProjectId, ct)) return facts;
        var owner = await db.Layers.Where(l => l.Id == id).Select(l => l.OwnerId).SingleAsync(ct);
        if (facts.Kind == LayerKind.Drawing && owner is not null && owner == caller.UserId)
        {
            await policy.RequireParticipateAsync(caller, facts.AnnotationId, ct);
            return facts;
        }
        await policy.RequireReadAnnotationAsync(caller, facts.AnnotationId, ct); // NOT_FOUND / sign-in first
        throw MementoException.Forbidden("Only the project's administrators or the layer's owner can change it.");
    }

    /// <summary>
    /// The refusal of a write made against an older version of the layer, naming who changed it last and when
    /// (UTC) if known. Only callers who may change the layer get here, and they read its annotation.
    /// </summary>
    internal async Task<MementoException> ConflictAsync(long id, CancellationToken ct)
    {
        var last = await db.Layers.AsNoTracking().Where(l => l.Id == id)
            .Select(l => new { l.Version, l.ChangedAt, Name = l.ChangedBy == null ? null : l.ChangedBy.UserName })
            .SingleOrDefaultAsync(ct) ?? throw MementoException.NotFound("Layer", id);
        var who = last.Name is null ? "" : $" by {last.Name}";
        var when = last.ChangedAt is { } at ? $" at {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "";
        return MementoException.Conflict(
            $"This layer was saved{who}{when} since you opened it (it is now at version {last.Version}). " +
            "Reload the layer to see those changes; nothing of yours was saved.");
    }

    internal async Task<(long AnnotationId, long ProjectId, LayerKind Kind)> FactsAsync(long id, CancellationToken ct)
    {
        var facts = await db.Layers.Where(l => l.Id == id)
            .Select(l => new { l.AnnotationId, l.Annotation.Category.ProjectId, l.Kind }).SingleOrDefaultAsync(ct);
        return facts is null ? throw MementoException.NotFound("Layer", id)
            : (facts.AnnotationId, facts.ProjectId, facts.Kind);
    }

    private async Task<long> ProjectOfAnnotationAsync(long annotationId, CancellationToken ct) =>
        await db.Annotations.Where(a => a.Id == annotationId).Select(a => (long?)a.Category.ProjectId)
            .SingleOrDefaultAsync(ct) ?? throw MementoException.NotFound("Annotation", annotationId);
}
