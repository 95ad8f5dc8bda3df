using Memento.Domain.Authorization;
using Memento.Domain.Events;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Annotations;

// Labels on one annotation: read by everyone in scope, replaced as a whole by participants (the viewer's toggle
// buttons and the client's set_annotation_labels both send the full list).
public sealed partial class AnnotationService
{
    public async Task<List<string>> GetLabelsAsync(Caller caller, long annotationId, CancellationToken ct = default)
    {
        await policy.RequireReadAnnotationAsync(caller, annotationId, ct);
        return await db.Annotations.Where(a => a.Id == annotationId).SelectMany(a => a.Labels)
            .OrderBy(l => l.Name).Select(l => l.Name).ToListAsync(ct);
    }

    /// <summary>Replaces all labels of the annotation; every name must be a label of its project.</summary>
    public async Task<List<string>> SetLabelsAsync(Caller caller, long annotationId, IEnumerable<string> labelNames,
        CancellationToken ct = default)
    {
        await policy.RequireParticipateAsync(caller, annotationId, ct);
        await ReplaceLabelsAsync(annotationId, labelNames, ct);
        await events.AnnotationChangedAsync(db, caller, annotationId, AnnotationChange.Labels, ct: ct);
        return await GetLabelsAsync(caller, annotationId, ct);
    }

    /// <summary>
    /// The viewer's Submit: replaces the labels and marks the annotation reviewed by the caller in one transaction,
    /// so a failure never leaves the labels changed but the annotation unsubmitted (or the reverse).
    /// </summary>
    public async Task<AnnotationInfo> SubmitWithLabelsAsync(Caller caller, long annotationId,
        IEnumerable<string> labelNames, CancellationToken ct = default)
    {
        await policy.RequireParticipateAsync(caller, annotationId, ct);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await ReplaceLabelsAsync(annotationId, labelNames, ct);
            await MarkSubmittedAsync(caller, annotationId, ct);
            // Held until the commit below; dropped if it never comes.
            await events.AnnotationChangedAsync(db, caller, annotationId, AnnotationChange.Labels, ct: ct);
            await RaiseSubmittedAsync(caller, annotationId, ct);
            await transaction.CommitAsync(ct);
        }
        return await GetAsync(caller, annotationId, ct);
    }

    private async Task ReplaceLabelsAsync(long annotationId, IEnumerable<string> labelNames, CancellationToken ct)
    {
        var names = labelNames.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        var projectId = await db.Annotations.Where(a => a.Id == annotationId).Select(a => (long?)a.Category.ProjectId)
            .SingleOrDefaultAsync(ct) ?? throw MementoException.NotFound("Annotation", annotationId);
        var labels = await db.Labels.Where(l => l.ProjectId == projectId && names.Contains(l.Name)).ToListAsync(ct);
        var unknown = names.Except(labels.Select(l => l.Name)).ToList();
        if (unknown.Count > 0)
            throw MementoException.Validation("labels",
                $"Unknown label(s) in this project: {string.Join(", ", unknown)}. Create them first.");
        var annotation = await db.Annotations.Include(a => a.Labels).SingleOrDefaultAsync(a => a.Id == annotationId, ct)
            ?? throw MementoException.NotFound("Annotation", annotationId);
        annotation.Labels.Clear();
        annotation.Labels.AddRange(labels);
        annotation.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw MementoException.Conflict("Someone changed this annotation at the same time; reload and try again.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
