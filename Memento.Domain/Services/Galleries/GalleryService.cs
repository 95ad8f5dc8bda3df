using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Memento.Domain.Services.Images;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Galleries;

/// <summary>A gallery's public metadata: anyone may read it (the dataset API's <c>/api/gallery/&lt;id&gt;</c>).</summary>
public sealed record GalleryInfo(long Id, string Title, string Description, long OwnerId, string Owner,
    IReadOnlyList<string> TrustedUsers, DateTimeOffset CreatedAt);

/// <summary>
/// Galleries: a signed-in user's curated set of pictures. Metadata (title, description, owner, trusted users) is
/// public; the pictures are listed only as far as the caller may read them (<see cref="AccessPolicy.SearchableImages"/>),
/// so a gallery never tells anyone about a picture of a private project. The owner (or a system administrator) edits
/// and deletes it; the owner and the users the owner trusts add and remove pictures they can read; only the owner
/// trusts and untrusts users.
/// </summary>
public sealed class GalleryService(MementoDbContext db, AccessPolicy policy, TimeProvider clock)
{
    public const int MaxTitle = 200, MaxDescription = 10_000, MaxPageSize = 100;

    public async Task<GalleryInfo> CreateAsync(Caller caller, string title, string description, CancellationToken ct = default)
    {
        var owner = caller.RequireUserId();
        var gallery = new Gallery
        {
            OwnerId = owner, Title = Title(title), Description = Description(description), CreatedAt = clock.GetUtcNow(),
        };
        db.Galleries.Add(gallery);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return await GetAsync(caller, gallery.Id, ct);
    }

    /// <summary>Anyone, anonymous callers included, reads a gallery's metadata.</summary>
    public async Task<GalleryInfo> GetAsync(Caller caller, long id, CancellationToken ct = default) =>
        (await InfosAsync(db.Galleries.Where(g => g.Id == id), ct)).SingleOrDefault()
        ?? throw MementoException.NotFound("Gallery", id);

    /// <summary>Every gallery, newest first, a page at a time (at most <see cref="MaxPageSize"/>).</summary>
    public async Task<(IReadOnlyList<GalleryInfo> Items, int Total)> ListAsync(Caller caller, int offset, int limit,
        CancellationToken ct = default)
    {
        var (skip, take) = Page(offset, limit);
        var ids = await db.Galleries.OrderByDescending(g => g.Id).Skip(skip).Take(take).Select(g => g.Id).ToListAsync(ct);
        var items = await InfosAsync(db.Galleries.Where(g => ids.Contains(g.Id)), ct);
        return (items.OrderByDescending(g => g.Id).ToList(), await db.Galleries.CountAsync(ct));
    }

    public async Task<GalleryInfo> EditAsync(Caller caller, long id, string title, string description,
        CancellationToken ct = default)
    {
        await RequireOwnerAsync(caller, id, allowSysAdmin: true, ct);
        var cleanTitle = Title(title);
        var cleanDescription = Description(description);
        await db.Galleries.Where(g => g.Id == id).ExecuteUpdateAsync(s => s.SetProperty(g => g.Title, cleanTitle)
            .SetProperty(g => g.Description, cleanDescription), ct);
        return await GetAsync(caller, id, ct);
    }

    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await RequireOwnerAsync(caller, id, allowSysAdmin: true, ct);
        await db.Galleries.Where(g => g.Id == id).ExecuteDeleteAsync(ct);
    }

    /// <summary>Adds a picture the caller can read; adding it twice changes nothing.</summary>
    public async Task AddPictureAsync(Caller caller, long galleryId, long imageId, CancellationToken ct = default)
    {
        await RequireContributorAsync(caller, galleryId, ct);
        await RequireSearchableAsync(caller, imageId, ct);
        if (await db.GalleryImages.AnyAsync(x => x.GalleryId == galleryId && x.ImageId == imageId, ct)) return;
        db.GalleryImages.Add(new GalleryImage { GalleryId = galleryId, ImageId = imageId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // A concurrent add of the same picture won: the picture is in the gallery, as asked.
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>Removes a picture the caller can read; removing one that is not there changes nothing.</summary>
    public async Task RemovePictureAsync(Caller caller, long galleryId, long imageId, CancellationToken ct = default)
    {
        await RequireContributorAsync(caller, galleryId, ct);
        await RequireSearchableAsync(caller, imageId, ct);
        await db.GalleryImages.Where(x => x.GalleryId == galleryId && x.ImageId == imageId).ExecuteDeleteAsync(ct);
    }

    /// <summary>The owner lets another user add and remove pictures.</summary>
    public async Task<GalleryInfo> TrustAsync(Caller caller, long galleryId, string userName, CancellationToken ct = default)
    {
        var ownerId = await RequireOwnerAsync(caller, galleryId, allowSysAdmin: false, ct);
        var userId = await UserIdAsync(userName, ct);
        if (userId == ownerId) throw MementoException.Validation("username", "The owner may always add pictures.");
        if (!await db.GalleryTrustedUsers.AnyAsync(t => t.GalleryId == galleryId && t.UserId == userId, ct))
        {
            db.GalleryTrustedUsers.Add(new GalleryTrustedUser { GalleryId = galleryId, UserId = userId });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // Trusted concurrently: as asked.
            }
            db.ChangeTracker.Clear();
        }
        return await GetAsync(caller, galleryId, ct);
    }

    public async Task<GalleryInfo> UntrustAsync(Caller caller, long galleryId, string userName, CancellationToken ct = default)
    {
        await RequireOwnerAsync(caller, galleryId, allowSysAdmin: false, ct);
        var userId = await UserIdAsync(userName, ct);
        await db.GalleryTrustedUsers.Where(t => t.GalleryId == galleryId && t.UserId == userId).ExecuteDeleteAsync(ct);
        return await GetAsync(caller, galleryId, ct);
    }

    /// <summary>The galleries holding a picture the caller can read (NOT_FOUND otherwise), by title.</summary>
    public async Task<IReadOnlyList<GalleryInfo>> ForPictureAsync(Caller caller, long imageId, CancellationToken ct = default)
    {
        await RequireSearchableAsync(caller, imageId, ct);
        var ids = db.GalleryImages.Where(x => x.ImageId == imageId).Select(x => x.GalleryId);
        return (await InfosAsync(db.Galleries.Where(g => ids.Contains(g.Id)), ct)).OrderBy(g => g.Title).ThenBy(g => g.Id).ToList();
    }

    /// <summary>The galleries the caller may add pictures to (owned or trusted), by title; none for anonymous callers.</summary>
    public async Task<IReadOnlyList<GalleryInfo>> WritableAsync(Caller caller, CancellationToken ct = default)
    {
        if (caller.UserId is not { } uid) return [];
        var trusted = db.GalleryTrustedUsers.Where(t => t.UserId == uid).Select(t => t.GalleryId);
        return (await InfosAsync(db.Galleries.Where(g => g.OwnerId == uid || trusted.Contains(g.Id)), ct))
            .OrderBy(g => g.Title).ThenBy(g => g.Id).ToList();
    }

    /// <summary>True when the caller may add and remove the gallery's pictures (owner or trusted user).</summary>
    public async Task<bool> CanContributeAsync(Caller caller, long galleryId, CancellationToken ct = default) =>
        caller.UserId is { } uid && await db.Galleries.AnyAsync(g => g.Id == galleryId && (g.OwnerId == uid
            || db.GalleryTrustedUsers.Any(t => t.GalleryId == galleryId && t.UserId == uid)), ct);

    /// <summary>
    /// The gallery's pictures the caller can read, newest first, a page at a time, with how many the caller can
    /// read in all; pictures of projects the caller cannot read are neither listed nor counted.
    /// </summary>
    public async Task<(IReadOnlyList<ImageInfo> Items, int Total)> PicturesAsync(Caller caller, long galleryId,
        int offset, int limit, CancellationToken ct = default)
    {
        if (!await db.Galleries.AnyAsync(g => g.Id == galleryId, ct)) throw MementoException.NotFound("Gallery", galleryId);
        var (skip, take) = Page(offset, limit);
        var inGallery = db.GalleryImages.Where(x => x.GalleryId == galleryId).Select(x => x.ImageId);
        var readable = policy.SearchableImages(caller).AsNoTracking().Where(i => inGallery.Contains(i.Id));
        var items = await readable.OrderByDescending(i => i.Id).Skip(skip).Take(take).Select(ImageService.ToInfo).ToListAsync(ct);
        return (items, await readable.CountAsync(ct));
    }

    private static (int Skip, int Take) Page(int offset, int limit)
    {
        if (offset < 0) throw MementoException.Validation("offset", "The offset must not be negative.");
        if (limit is < 1 or > MaxPageSize)
            throw MementoException.Validation("limit", $"The limit must be between 1 and {MaxPageSize}.");
        return (offset, limit);
    }

    private static string Title(string? title) => Inputs.Name(title, "title", MaxTitle);

    private static string Description(string? description) =>
        Inputs.Settings(description, "description", MaxDescription);

    private async Task<List<GalleryInfo>> InfosAsync(IQueryable<Gallery> galleries, CancellationToken ct)
    {
        var rows = await galleries.AsNoTracking()
            .Select(g => new { g.Id, g.Title, g.Description, g.OwnerId, Owner = g.Owner.UserName, g.CreatedAt })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var trusted = (await (from t in db.GalleryTrustedUsers
                              where ids.Contains(t.GalleryId)
                              join u in db.Users on t.UserId equals u.Id
                              orderby u.UserName
                              select new { t.GalleryId, u.UserName }).ToListAsync(ct))
            .ToLookup(t => t.GalleryId, t => t.UserName);
        return rows.Select(r => new GalleryInfo(r.Id, r.Title, r.Description, r.OwnerId, r.Owner,
            trusted[r.Id].ToList(), r.CreatedAt)).ToList();
    }

    // Returns the owner's id. Metadata is public, so a refusal may say the gallery exists.
    private async Task<long> RequireOwnerAsync(Caller caller, long galleryId, bool allowSysAdmin, CancellationToken ct)
    {
        var ownerId = await db.Galleries.Where(g => g.Id == galleryId).Select(g => (long?)g.OwnerId).SingleOrDefaultAsync(ct)
            ?? throw MementoException.NotFound("Gallery", galleryId);
        var uid = caller.RequireUserId();
        if (uid == ownerId || (allowSysAdmin && await policy.IsSysAdminAsync(caller, ct))) return ownerId;
        throw MementoException.Forbidden("Only the gallery's owner can do this.");
    }

    private async Task RequireContributorAsync(Caller caller, long galleryId, CancellationToken ct)
    {
        if (!await db.Galleries.AnyAsync(g => g.Id == galleryId, ct)) throw MementoException.NotFound("Gallery", galleryId);
        caller.RequireUserId();
        if (!await CanContributeAsync(caller, galleryId, ct))
            throw MementoException.Forbidden("Only the gallery's owner and the users they trust can change its pictures.");
    }

    private async Task RequireSearchableAsync(Caller caller, long imageId, CancellationToken ct)
    {
        if (!await policy.SearchableImages(caller).AnyAsync(i => i.Id == imageId, ct))
            throw MementoException.NotFound("Picture", imageId);
    }

    private async Task<long> UserIdAsync(string? userName, CancellationToken ct)
    {
        var name = Inputs.Name(userName, "username", 200);
        var normalized = User.Normalize(name);
        return await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => (long?)u.Id).SingleOrDefaultAsync(ct)
            ?? throw MementoException.NotFound($"User '{name}' does not exist.");
    }
}
