using System.Security.Cryptography;
using System.Text;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Events;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.ShareLinks;

public sealed record ShareLinkInfo(long Id, long? AnnotationId, long? ImageId, long CreatedById,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>
/// A new link: <see cref="Token"/> is the secret for the URL. The database keeps only its hash and the salt it was
/// derived from; <see cref="ShareLinkService.TokenOfAsync"/> derives it again for the annotation's participants.
/// </summary>
public sealed record CreatedShareLink(ShareLinkInfo Link, string Token);

/// <summary>
/// Share links: read-only access for anyone holding the URL to exactly one annotation (and the images its layers
/// show) or one image, until the link expires or is revoked.
/// </summary>
public sealed class ShareLinkService(MementoDbContext db, AccessPolicy policy, TimeProvider clock, ShareLinkSecret secret,
    IDomainEvents events)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(90);
    public static readonly string LifetimeOutOfRange = $"A share link lasts between 1 hour and {MaxLifetime.TotalDays} days.";

    /// <summary>
    /// A lifetime of whole hours, checked on the raw number: building a TimeSpan from int.MaxValue hours throws
    /// before any range check could run, and that surfaced as an unexpected error instead of this one.
    /// </summary>
    public static TimeSpan LifetimeOfHours(int hours) => hours >= 1 && hours <= MaxLifetime.TotalHours
        ? TimeSpan.FromHours(hours)
        : throw MementoException.Validation("expiresInHours", LifetimeOutOfRange);

    /// <summary>
    /// Participants of an annotation share it (the viewer's share button); images are shared by those who can
    /// administer their project.
    /// </summary>
    public async Task<CreatedShareLink> CreateAsync(Caller caller, long? annotationId, long? imageId,
        TimeSpan? lifetime = null, CancellationToken ct = default)
    {
        var userId = caller.RequireUserId();
        if ((annotationId is null) == (imageId is null))
            throw MementoException.Validation("annotationId", "Share exactly one annotation or one image.");
        var duration = lifetime ?? DefaultLifetime;
        if (duration <= TimeSpan.Zero || duration > MaxLifetime)
            throw MementoException.Validation("expiresInHours", LifetimeOutOfRange);
        if (annotationId is { } a) await policy.RequireParticipateAsync(caller, a, ct);
        else await policy.RequireAdministerProjectAsync(caller, await ProjectOfImageAsync(imageId!.Value, ct), ct);
        var salt = ShareLinkSecret.NewSalt();
        var token = secret.TokenFor(salt);
        var now = clock.GetUtcNow();
        var link = new ShareLink
        {
            TokenHash = Hash(token), TokenSalt = salt, AnnotationId = annotationId, ImageId = imageId,
            CreatedById = userId, CreatedAt = now, ExpiresAt = now + duration,
        };
        db.ShareLinks.Add(link);
        await db.SaveChangesAsync(ct);
        if (annotationId is { } shared) await RaiseAnnotationLinkChangedAsync(caller, shared, ct);
        return new CreatedShareLink(ToInfo(link), token);
    }

    /// <summary>The caller a token stands for, or null when it is unknown, expired or revoked.</summary>
    public async Task<Caller?> ResolveAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200) return null;
        var hash = Hash(token.Trim());
        var now = clock.GetUtcNow();
        var link = await db.ShareLinks.AsNoTracking()
            .Where(s => s.TokenHash == hash && s.RevokedAt == null && (s.ExpiresAt == null || s.ExpiresAt > now))
            .Select(s => new { s.Id, s.AnnotationId, s.ImageId, s.ExpiresAt }).SingleOrDefaultAsync(ct);
        return link is null ? null : Caller.ForShareLink(link.Id, link.AnnotationId, link.ImageId, link.ExpiresAt);
    }

    /// <summary>Active links of an annotation, for its participants (the viewer's share badge).</summary>
    public async Task<List<ShareLinkInfo>> ListForAnnotationAsync(Caller caller, long annotationId,
        CancellationToken ct = default) =>
        await (await ActiveForAnnotationAsync(caller, annotationId, ct)).OrderBy(s => s.Id)
            .Select(s => new ShareLinkInfo(s.Id, s.AnnotationId, s.ImageId, s.CreatedById, s.CreatedAt, s.ExpiresAt, s.RevokedAt))
            .ToListAsync(ct);

    /// <summary>The annotation's active links, once the caller is known to participate; the API pages this query.</summary>
    public async Task<IQueryable<ShareLink>> ActiveForAnnotationAsync(Caller caller, long annotationId, CancellationToken ct = default)
    {
        await policy.RequireParticipateAsync(caller, annotationId, ct);
        var now = clock.GetUtcNow();
        return db.ShareLinks.AsNoTracking()
            .Where(s => s.AnnotationId == annotationId && s.RevokedAt == null && (s.ExpiresAt == null || s.ExpiresAt > now));
    }

    /// <summary>Revokes the link at once; its creator, participants of its annotation or project administrators may.</summary>
    public async Task RevokeAsync(Caller caller, long id, CancellationToken ct = default)
    {
        caller.RequireUserId();
        var link = await db.ShareLinks.Where(s => s.Id == id)
            .Select(s => new { s.CreatedById, s.AnnotationId, s.ImageId }).SingleOrDefaultAsync(ct)
            ?? throw MementoException.NotFound("Share link", id);
        if (link.CreatedById != caller.UserId)
        {
            if (link.AnnotationId is { } a) await policy.RequireParticipateAsync(caller, a, ct);
            else await policy.RequireAdministerProjectAsync(caller, await ProjectOfImageAsync(link.ImageId!.Value, ct), ct);
        }
        var now = clock.GetUtcNow();
        if (await db.ShareLinks.Where(s => s.Id == id && s.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, now), ct) == 0) return;
        // The link's holders lose access at once: their live views must stop.
        if (link.AnnotationId is { } annotationId)
        {
            await RaiseAnnotationLinkChangedAsync(caller, annotationId, ct);
            if (await db.Annotations.Where(a => a.Id == annotationId).Select(a => (long?)a.Category.ProjectId)
                    .SingleOrDefaultAsync(ct) is { } projectId)
                events.Raise(new AccessChanged(projectId));
        }
        else events.Raise(new AccessChanged(await ProjectOfImageAsync(link.ImageId!.Value, ct)));
    }

    // The share badge and the project's "shared" counter.
    private async Task RaiseAnnotationLinkChangedAsync(Caller caller, long annotationId, CancellationToken ct)
    {
        await events.AnnotationChangedAsync(db, caller, annotationId, AnnotationChange.ShareLink, ct: ct);
        if (await db.Annotations.Where(a => a.Id == annotationId).Select(a => (long?)a.Category.ProjectId)
                .SingleOrDefaultAsync(ct) is { } projectId)
            events.Raise(new ProjectCountersChanged(projectId));
    }

    /// <summary>
    /// The token of an active link, derived again from its salt, for whoever may share its target (the annotation's
    /// participants; the image's project administrators): the viewer's link button shows the URL after a reload.
    /// Null when the link is revoked, expired, unknown or not the caller's to share (nothing tells them which), and
    /// for links made before salts or under another secret (the derived token must match the stored hash), whose
    /// URL cannot be shown again.
    /// </summary>
    public async Task<string?> TokenOfAsync(Caller caller, long id, CancellationToken ct = default)
    {
        if (caller.UserId is null) return null;
        var now = clock.GetUtcNow();
        var link = await db.ShareLinks.AsNoTracking()
            .Where(s => s.Id == id && s.RevokedAt == null && (s.ExpiresAt == null || s.ExpiresAt > now))
            .Select(s => new { s.TokenSalt, s.TokenHash, s.AnnotationId, s.ImageId }).SingleOrDefaultAsync(ct);
        if (link?.TokenSalt is null) return null;
        var allowed = link.AnnotationId is { } a
            ? await policy.CanParticipateAsync(caller, a, ct)
            : await policy.CanAdministerProjectAsync(caller, await ProjectOfImageAsync(link.ImageId!.Value, ct), ct);
        if (!allowed) return null;
        var token = secret.TokenFor(link.TokenSalt);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(link.TokenHash))
            ? token : null;
    }

    /// <summary>Lower-case hex SHA-256, as stored; a leaked database does not reveal usable links.</summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A link row (possibly projected to a few columns; never its token hash) as the API returns it.</summary>
    public static ShareLinkInfo ToInfo(ShareLink s) =>
        new(s.Id, s.AnnotationId, s.ImageId, s.CreatedById, s.CreatedAt, s.ExpiresAt, s.RevokedAt);

    private async Task<long> ProjectOfImageAsync(long imageId, CancellationToken ct) =>
        await db.Images.Where(i => i.Id == imageId).Select(i => (long?)i.ProjectId).SingleOrDefaultAsync(ct)
            ?? throw MementoException.NotFound("Image", imageId);
}
