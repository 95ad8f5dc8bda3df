using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Events;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Comments;

public sealed record CommentInfo(long Id, long LayerId, long? AuthorId, string? AuthorName, string Text,
    DateTimeOffset CreatedAt, DateTimeOffset? EditedAt);

/// <summary>Comments on a layer: read by everyone in scope, written by participants, edited only by their author.</summary>
public sealed class CommentService(MementoDbContext db, AccessPolicy policy, TimeProvider clock, IDomainEvents events)
{
    public const int MaxLength = 10_000;

    public async Task<List<CommentInfo>> ListAsync(Caller caller, long layerId, CancellationToken ct = default) =>
        await (await OnLayerAsync(caller, layerId, ct)).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentInfo(c.Id, c.LayerId, c.AuthorId, c.Author!.UserName, c.Text, c.CreatedAt, c.EditedAt))
            .ToListAsync(ct);

    /// <summary>The layer's comments, once the caller is known to read its annotation; the API pages this query.</summary>
    public async Task<IQueryable<Comment>> OnLayerAsync(Caller caller, long layerId, CancellationToken ct = default)
    {
        await policy.RequireReadAnnotationAsync(caller, await AnnotationOfLayerAsync(layerId, ct), ct);
        return db.Comments.AsNoTracking().Where(c => c.LayerId == layerId);
    }

    /// <summary>A comment row (possibly projected to a few columns, its author to the name) as the API returns it.</summary>
    public static CommentInfo Info(Comment c) =>
        new(c.Id, c.LayerId, c.AuthorId, c.Author?.UserName, c.Text, c.CreatedAt, c.EditedAt);

    public async Task<CommentInfo> AddAsync(Caller caller, long layerId, string text, CancellationToken ct = default)
    {
        var annotationId = await AnnotationOfLayerAsync(layerId, ct);
        await policy.RequireParticipateAsync(caller, annotationId, ct);
        var comment = new Comment
        {
            LayerId = layerId, AuthorId = caller.UserId, Text = Inputs.Text(text, "content", MaxLength),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        await events.AnnotationChangedAsync(db, caller, annotationId, AnnotationChange.Comments, layerId, ct: ct);
        return await GetAsync(comment.Id, ct);
    }

    public async Task<CommentInfo> EditAsync(Caller caller, long id, string text, CancellationToken ct = default)
    {
        var (annotationId, layerId) = await RequireAuthorAsync(caller, id, allowAdministrators: false, ct);
        var clean = Inputs.Text(text, "content", MaxLength);
        var now = clock.GetUtcNow();
        await db.Comments.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Text, clean).SetProperty(c => c.EditedAt, now), ct);
        await events.AnnotationChangedAsync(db, caller, annotationId, AnnotationChange.Comments, layerId, ct: ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Authors delete their comments; the project's administrators may remove any (moderation).</summary>
    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var (annotationId, layerId) = await RequireAuthorAsync(caller, id, allowAdministrators: true, ct);
        if (await db.Comments.Where(c => c.Id == id).ExecuteDeleteAsync(ct) > 0)
            await events.AnnotationChangedAsync(db, caller, annotationId, AnnotationChange.Comments, layerId, ct: ct);
    }

    /// <summary>The comment's annotation and layer, once the caller may change it.</summary>
    private async Task<(long AnnotationId, long LayerId)> RequireAuthorAsync(Caller caller, long id, bool allowAdministrators,
        CancellationToken ct)
    {
        var facts = await db.Comments.Where(c => c.Id == id)
            .Select(c => new { c.AuthorId, c.LayerId, c.Layer.AnnotationId, c.Layer.Annotation.Category.ProjectId })
            .SingleOrDefaultAsync(ct) ?? throw MementoException.NotFound("Comment", id);
        if (allowAdministrators && await policy.CanAdministerProjectAsync(caller, facts.ProjectId, ct))
            return (facts.AnnotationId, facts.LayerId);
        await policy.RequireParticipateAsync(caller, facts.AnnotationId, ct);
        if (facts.AuthorId is null || facts.AuthorId != caller.UserId)
            throw MementoException.Forbidden("Only the author can change this comment.");
        return (facts.AnnotationId, facts.LayerId);
    }

    private Task<CommentInfo> GetAsync(long id, CancellationToken ct) => db.Comments.AsNoTracking()
        .Where(c => c.Id == id)
        .Select(c => new CommentInfo(c.Id, c.LayerId, c.AuthorId, c.Author!.UserName, c.Text, c.CreatedAt, c.EditedAt))
        .SingleAsync(ct);

    private async Task<long> AnnotationOfLayerAsync(long layerId, CancellationToken ct) =>
        await db.Layers.Where(l => l.Id == layerId).Select(l => (long?)l.AnnotationId).SingleOrDefaultAsync(ct)
            ?? throw MementoException.NotFound("Layer", layerId);
}
