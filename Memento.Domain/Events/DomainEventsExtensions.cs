using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Events;

/// <summary>The events services raise, with the ids a receiver filters on looked up in one query.</summary>
public static class DomainEventsExtensions
{
    /// <summary>
    /// Raises <see cref="AnnotationChanged"/> for the annotation, with its category, project and the caller as the
    /// actor. Nothing when the annotation is gone (deleted concurrently: its deletion says what changed).
    /// </summary>
    public static async Task AnnotationChangedAsync(this IDomainEvents events, MementoDbContext db, Caller caller,
        long annotationId, AnnotationChange change, long? layerId = null, int? layerVersion = null,
        CancellationToken ct = default)
    {
        var actorId = caller.UserId;
        var facts = await db.Annotations.AsNoTracking().Where(a => a.Id == annotationId)
            .Select(a => new
            {
                a.CategoryId, a.Category.ProjectId,
                Actor = db.Users.Where(u => u.Id == actorId).Select(u => u.UserName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (facts is null) return;
        events.Raise(new AnnotationChanged(facts.ProjectId, facts.CategoryId, annotationId, change, layerId, layerVersion,
            actorId, facts.Actor));
    }

    /// <summary>The project editor's counters and who may see what may both have changed (deletions, moves, roles).</summary>
    public static void AccessAndCountersChanged(this IDomainEvents events, long projectId)
    {
        events.Raise(new AccessChanged(projectId));
        events.Raise(new ProjectCountersChanged(projectId));
    }
}
