using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Datasets;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Ratings;

/// <summary>
/// Star ratings of pictures: one per signed-in user and picture, 1 to 5 stars; rating again replaces the earlier
/// grade. Only a picture the caller finds through the dataset search (<see cref="AccessPolicy.SearchableImages"/>)
/// can be rated; any other is NOT_FOUND exactly like a missing one.
/// </summary>
public sealed class RatingService(MementoDbContext db, AccessPolicy policy, PictureReader pictures, TimeProvider clock)
{
    public const int MinStars = 1, MaxStars = 5;

    /// <summary>Puts (or replaces) the caller's rating and returns the picture's ratings after it.</summary>
    public async Task<PictureRatings> RateAsync(Caller caller, long imageId, int stars, CancellationToken ct = default)
    {
        var userId = caller.RequireUserId();
        if (stars is < MinStars or > MaxStars)
            throw MementoException.Validation("stars", $"A rating is {MinStars} to {MaxStars} stars.");
        await RequireSearchableAsync(caller, imageId, ct);
        var now = clock.GetUtcNow();
        // Update first; insert when there was nothing to update. Two concurrent first ratings of the same user meet
        // the unique index: the loser updates the winner's row instead.
        if (await Mine(userId, imageId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Stars, stars)
                .SetProperty(r => r.RatedAt, now), ct) == 0)
        {
            db.Ratings.Add(new Rating { UserId = userId, ImageId = imageId, Stars = stars, RatedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                await Mine(userId, imageId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Stars, stars)
                    .SetProperty(r => r.RatedAt, now), ct);
            }
            db.ChangeTracker.Clear();
        }
        return await pictures.RatingsAsync(imageId, ct);
    }

    /// <summary>Removes the caller's rating (nothing to remove is not an error) and returns the ratings after it.</summary>
    public async Task<PictureRatings> RemoveAsync(Caller caller, long imageId, CancellationToken ct = default)
    {
        var userId = caller.RequireUserId();
        await RequireSearchableAsync(caller, imageId, ct);
        await Mine(userId, imageId).ExecuteDeleteAsync(ct);
        return await pictures.RatingsAsync(imageId, ct);
    }

    /// <summary>The caller's own stars for the picture; null when unrated, for anonymous callers, and when unreadable.</summary>
    public async Task<int?> MineAsync(Caller caller, long imageId, CancellationToken ct = default)
    {
        if (caller.UserId is not { } userId) return null;
        if (!await policy.SearchableImages(caller).AnyAsync(i => i.Id == imageId, ct)) return null;
        return await Mine(userId, imageId).Select(r => (int?)r.Stars).SingleOrDefaultAsync(ct);
    }

    private IQueryable<Rating> Mine(long userId, long imageId) =>
        db.Ratings.Where(r => r.UserId == userId && r.ImageId == imageId);

    private async Task RequireSearchableAsync(Caller caller, long imageId, CancellationToken ct)
    {
        if (!await policy.SearchableImages(caller).AnyAsync(i => i.Id == imageId, ct))
            throw MementoException.NotFound("Picture", imageId);
    }
}
