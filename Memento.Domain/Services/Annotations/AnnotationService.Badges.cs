using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Annotations;

// The sidebar's badges and the paged list they are shown in. Computed for a whole page at once — a constant number
// of queries however many annotations — because the sidebar lists categories of thousands.
public sealed partial class AnnotationService
{
    /// <summary>The most annotations one page of <see cref="PageWithTotalAsync"/> returns.</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// One page of the category's annotations the caller may read, by name, with the total. VALIDATION when
    /// <paramref name="take"/> is not 1..<see cref="MaxPageSize"/> or <paramref name="skip"/> is negative.
    /// </summary>
    public async Task<AnnotationPageInfo> PageWithTotalAsync(Caller caller, long categoryId, string? search, int skip,
        int take, CancellationToken ct = default)
    {
        if (take is < 1 or > MaxPageSize)
            throw MementoException.Validation("first", $"first must be between 1 and {MaxPageSize}, not {take}.");
        if (skip < 0) throw MementoException.Validation("offset", $"offset must be 0 or more, not {skip}.");
        var (items, hasMore) = await PageAsync(caller, categoryId, search, skip, take, ct);
        var total = hasMore || skip > 0 ? await CountAsync(caller, categoryId, search, ct) : items.Count;
        // The page came through the visibility filter: the badges' read checks need no query of their own.
        policy.RememberReadable(ReadScope.Annotation, caller, items.Select(a => a.Id));
        return new AnnotationPageInfo(items, hasMore, total);
    }

    private Task<int> CountAsync(Caller caller, long categoryId, string? search, CancellationToken ct)
    {
        var query = policy.VisibleAnnotations(caller, categoryId);
        var needle = search?.Trim() ?? "";
        if (needle.Length > 0) query = query.Where(a => a.Name.Contains(needle));
        return query.CountAsync(ct);
    }

    /// <summary>
    /// The badges of annotations the caller may read (the caller checks that first: this reads what it is given).
    /// At most three queries: the flags and the preview's image id, the participation check for the shared ones,
    /// and the preview images through the image visibility filter.
    /// </summary>
    public async Task<Dictionary<long, AnnotationBadges>> BadgesAsync(Caller caller,
        IReadOnlyCollection<long> readableIds, CancellationToken ct = default)
    {
        var ids = readableIds.Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<long, AnnotationBadges>();
        var now = clock.GetUtcNow();
        var rows = await db.Annotations.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.Id)).Select(a => new
        {
            a.Id,
            a.Status,
            HasLabels = db.Labels.Any(l => l.ProjectId == a.Category.ProjectId),
            HasComments = db.Comments.Any(c => c.Layer.AnnotationId == a.Id),
            Shared = db.ShareLinks.Any(s => s.AnnotationId == a.Id && s.RevokedAt == null
                && (s.ExpiresAt == null || s.ExpiresAt > now)),
            // Only an image with files has a thumbnail: a layer still ingesting yields to the next one.
            PreviewId = a.Layers.Where(l => l.ImageId != null && l.Image!.State == ImageProcessingState.Ready
                    && l.Image.Type != ImageType.External && l.Image.StorageDirectory != null)
                .OrderBy(l => l.Sequence).ThenBy(l => l.Id).Select(l => l.ImageId).FirstOrDefault(),
        }).ToListAsync(ct);

        var shared = rows.Where(r => r.Shared).Select(r => r.Id).ToList();
        var participable = shared.Count == 0 ? new HashSet<long>() : await policy.ParticipableAsync(caller, shared, ct);
        var previewIds = rows.Where(r => r.PreviewId != null).Select(r => r.PreviewId!.Value).Distinct().ToList();
        var previews = previewIds.Count == 0
            ? new Dictionary<long, ImageInfo>()
            : await policy.VisibleImages(caller).AsNoTracking().Where(i => EF.Parameter(previewIds).Contains(i.Id))
                .Select(ImageService.ToInfo).ToDictionaryAsync(i => i.Id, ct);
        policy.RememberReadable(ReadScope.Image, caller, previews.Keys);

        return rows.ToDictionary(r => r.Id, r => new AnnotationBadges(
            r.HasLabels && r.Status != AnnotationStatus.Submitted,
            r.HasComments,
            r.Shared && participable.Contains(r.Id),
            r.PreviewId is { } image && previews.TryGetValue(image, out var info) ? info : null));
    }
}
