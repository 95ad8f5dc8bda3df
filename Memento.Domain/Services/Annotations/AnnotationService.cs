using System.Linq.Expressions;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Events;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Memento.Domain.Services.Layers;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Annotations;

/// <summary>
/// Annotations (one sample each): created by administrators together with their first layer; read by everyone in
/// scope; submitted, labelled and classified by participants.
/// </summary>
public sealed partial class AnnotationService(MementoDbContext db, AccessPolicy policy,
    ContainerDeletion deletion, TimeProvider clock, IDomainEvents events)
{
    /// <summary>The read model as one SQL projection, for the API's batched loaders too.</summary>
    public static readonly Expression<Func<Annotation, AnnotationInfo>> ToInfo = a => new AnnotationInfo(a.Id,
        a.CategoryId, a.Category.ProjectId, a.Name, a.Status, a.SubmittedAt, a.CreatedAt);

    public async Task<AnnotationInfo> GetAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await policy.RequireReadAnnotationAsync(caller, id, ct);
        return await db.Annotations.AsNoTracking().Where(a => a.Id == id).Select(ToInfo).SingleAsync(ct);
    }

    public async Task<AnnotationInfo?> FindByNameAsync(Caller caller, long categoryId, string name,
        CancellationToken ct = default)
    {
        await policy.RequireReadCategoryAsync(caller, categoryId, ct);
        return await policy.VisibleAnnotations(caller, categoryId).AsNoTracking().Where(a => a.Name == name.Trim())
            .Select(ToInfo).SingleOrDefaultAsync(ct);
    }

    /// <summary>The category's annotations the caller may read (an annpar sees only its own).</summary>
    public async Task<IQueryable<AnnotationInfo>> ListAsync(Caller caller, long categoryId,
        CancellationToken ct = default)
    {
        await policy.RequireReadCategoryAsync(caller, categoryId, ct);
        return policy.VisibleAnnotations(caller, categoryId).AsNoTracking().OrderBy(a => a.Name).Select(ToInfo);
    }

    /// <summary>
    /// One page of the category's annotations the caller may read, by name, optionally only those whose name
    /// contains <paramref name="search"/>: paged in the database (a category may hold thousands). HasMore tells
    /// whether a next page exists.
    /// </summary>
    public async Task<(List<AnnotationInfo> Items, bool HasMore)> PageAsync(Caller caller, long categoryId,
        string? search, int skip, int take, CancellationToken ct = default)
    {
        await policy.RequireReadCategoryAsync(caller, categoryId, ct);
        var query = policy.VisibleAnnotations(caller, categoryId).AsNoTracking();
        var needle = search?.Trim() ?? "";
        if (needle.Length > 0) query = query.Where(a => a.Name.Contains(needle));
        var rows = await query.OrderBy(a => a.Name).ThenBy(a => a.Id).Skip(Math.Max(0, skip)).Take(take + 1)
            .Select(ToInfo).ToListAsync(ct);
        return (rows.Take(take).ToList(), rows.Count > take);
    }

    /// <summary>Creates the annotation and its first layer in one save: both exist or neither does.</summary>
    public async Task<AnnotationCreated> CreateAsync(Caller caller, long categoryId, string name, LayerSpec firstLayer,
        CancellationToken ct = default)
    {
        var projectId = await ProjectOfCategoryAsync(categoryId, ct);
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        var (annotation, layer) = await NewAsync(caller, projectId, categoryId, name, firstLayer, ct);
        await Saving.AddAsync(db, annotation, $"The category already has an annotation named '{annotation.Name}'.", ct);
        db.ChangeTracker.Clear();
        events.Raise(new ProjectCountersChanged(projectId));
        return new AnnotationCreated(await GetAsync(caller, annotation.Id, ct), layer.Id, true);
    }

    /// <summary>The existing annotation (no layer made) or a new one with its first layer. Idempotent for imports.</summary>
    public async Task<AnnotationCreated> GetOrCreateAsync(Caller caller, long categoryId, string name,
        LayerSpec firstLayer, CancellationToken ct = default)
    {
        var cleanName = Inputs.Name(name);
        Task<long?> Find(CancellationToken token) => db.Annotations
            .Where(a => a.CategoryId == categoryId && a.Name == cleanName).Select(a => (long?)a.Id)
            .SingleOrDefaultAsync(token);
        if (await Find(ct) is { } existing) return new AnnotationCreated(await GetAsync(caller, existing, ct), null, false);
        var projectId = await ProjectOfCategoryAsync(categoryId, ct);
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        var (annotation, layer) = await NewAsync(caller, projectId, categoryId, cleanName, firstLayer, ct);
        var (id, created) = await Saving.GetOrCreateAsync(db, Find, () => annotation, a => a.Id, ct);
        if (created) events.Raise(new ProjectCountersChanged(projectId));
        return new AnnotationCreated(await GetAsync(caller, id, ct), created ? layer.Id : null, created);
    }

    public async Task<AnnotationInfo> RenameAsync(Caller caller, long id, string name, CancellationToken ct = default)
    {
        await RequireAdministerAsync(caller, id, ct);
        var cleanName = Inputs.Name(name);
        try
        {
            await db.Annotations.Where(a => a.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(a => a.Name, cleanName).SetProperty(a => a.Version, a => a.Version + 1), ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw MementoException.Conflict("The category already has an annotation with this name.");
        }
        return await GetAsync(caller, id, ct);
    }

    /// <summary>Moves the annotation to another category of the same project.</summary>
    public async Task<AnnotationInfo> MoveAsync(Caller caller, long id, long categoryId, CancellationToken ct = default)
    {
        var projectId = await RequireAdministerAsync(caller, id, ct);
        if (await ProjectOfCategoryAsync(categoryId, ct) != projectId)
            throw MementoException.Validation("categoryId", "Annotations move only between categories of one project.");
        try
        {
            await db.Annotations.Where(a => a.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(a => a.CategoryId, categoryId).SetProperty(a => a.Version, a => a.Version + 1), ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw MementoException.Conflict("The target category already has an annotation with this name.");
        }
        policy.Invalidate();
        // Category viewers gain or lose it, and their counters with it.
        events.AccessAndCountersChanged(projectId);
        return await GetAsync(caller, id, ct);
    }

    /// <summary>Marks the annotation reviewed (status S) by the caller, as the viewer's Submit button does.</summary>
    public async Task<AnnotationInfo> SubmitAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await policy.RequireParticipateAsync(caller, id, ct);
        await MarkSubmittedAsync(caller, id, ct);
        await RaiseSubmittedAsync(caller, id, ct);
        return await GetAsync(caller, id, ct);
    }

    private async Task RaiseSubmittedAsync(Caller caller, long id, CancellationToken ct)
    {
        await events.AnnotationChangedAsync(db, caller, id, AnnotationChange.Status, ct: ct);
        if (await db.Annotations.Where(a => a.Id == id).Select(a => (long?)a.Category.ProjectId).SingleOrDefaultAsync(ct) is { } projectId)
            events.Raise(new ProjectCountersChanged(projectId));
    }

    private async Task MarkSubmittedAsync(Caller caller, long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var userId = caller.UserId;
        var updated = await db.Annotations.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, AnnotationStatus.Submitted).SetProperty(a => a.SubmittedAt, now)
            .SetProperty(a => a.SubmittedById, userId).SetProperty(a => a.Version, a => a.Version + 1), ct);
        // Deleted between the rights check and the update: say so rather than answer with a row that is gone.
        if (updated == 0) throw MementoException.NotFound("Annotation", id);
    }

    /// <summary>Deletes the annotation with its layers, comments, regions, share links and roles.</summary>
    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var projectId = await RequireAdministerAsync(caller, id, ct);
        if (!await deletion.DeleteAnnotationAsync(id, ct)) throw MementoException.NotFound("Annotation", id);
        policy.Invalidate();
        events.AccessAndCountersChanged(projectId);
    }

    private async Task<(Annotation, Layer)> NewAsync(Caller caller, long projectId, long categoryId, string name,
        LayerSpec firstLayer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The first layer is built before the annotation exists: it cannot have a parent yet, and sequence -1
        // (append) means 1.
        var layer = await LayerRules.BuildAsync(db, projectId, null,
            firstLayer with { ParentId = 0, Sequence = firstLayer.Sequence < 0 ? 1 : firstLayer.Sequence },
            caller.UserId, now, ct);
        var annotation = new Annotation { CategoryId = categoryId, Name = Inputs.Name(name), CreatedAt = now };
        annotation.Layers.Add(layer);
        return (annotation, layer);
    }

    internal async Task<long> RequireAdministerAsync(Caller caller, long annotationId, CancellationToken ct)
    {
        var projectId = await db.Annotations.Where(a => a.Id == annotationId).Select(a => (long?)a.Category.ProjectId)
            .SingleOrDefaultAsync(ct) ?? throw MementoException.NotFound("Annotation", annotationId);
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        return projectId;
    }

    private async Task<long> ProjectOfCategoryAsync(long categoryId, CancellationToken ct) =>
        await db.Categories.Where(c => c.Id == categoryId).Select(c => (long?)c.ProjectId).SingleOrDefaultAsync(ct)
            ?? throw MementoException.NotFound("Category", categoryId);
}
