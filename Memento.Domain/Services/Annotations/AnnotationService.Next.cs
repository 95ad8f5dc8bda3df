using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Annotations;

public sealed partial class AnnotationService
{
    /// <summary>
    /// The viewer's Next queue (manual: "advances through annotations that still need labelling"): the first
    /// annotation of the project after <paramref name="afterId"/>, in the sidebar's order (category name, then
    /// annotation name, ids breaking ties), that is not submitted and that the caller may label; wrapping round to
    /// the start; null when nothing is left. Optionally within one category. One query, ordered in the database:
    /// a project may hold many thousands.
    /// </summary>
    public async Task<AnnotationInfo?> NextAsync(Caller caller, long projectId, long? afterId, long? categoryId,
        CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, projectId, ct);
        if (categoryId is { } c) await policy.RequireReadCategoryAsync(caller, c, ct);
        var queue = policy.ParticipableAnnotations(caller).AsNoTracking()
            .Where(a => a.Category.ProjectId == projectId && a.Status == AnnotationStatus.New);
        if (categoryId is { } only) queue = queue.Where(a => a.CategoryId == only);
        var ordered = queue.OrderBy(a => a.Category.Name).ThenBy(a => a.CategoryId).ThenBy(a => a.Name).ThenBy(a => a.Id);

        if (afterId is { } after)
        {
            // The current annotation's place in the order (it may itself be submitted by now, or unreadable:
            // then the queue starts from the beginning).
            var here = await policy.VisibleAnnotations(caller).Where(a => a.Id == after && a.Category.ProjectId == projectId)
                .Select(a => new { CategoryName = a.Category.Name, a.CategoryId, a.Name, a.Id }).SingleOrDefaultAsync(ct);
            if (here is not null)
            {
                var following = await ordered.Where(a =>
                        string.Compare(a.Category.Name, here.CategoryName) > 0
                        || (a.Category.Name == here.CategoryName && a.CategoryId > here.CategoryId)
                        || (a.Category.Name == here.CategoryName && a.CategoryId == here.CategoryId
                            && (string.Compare(a.Name, here.Name) > 0 || (a.Name == here.Name && a.Id > here.Id))))
                    .Select(ToInfo).FirstOrDefaultAsync(ct);
                if (following is not null) return following;
                // Wrap round, but never back to the current one.
                return await ordered.Where(a => a.Id != after).Select(ToInfo).FirstOrDefaultAsync(ct);
            }
        }
        return await ordered.Select(ToInfo).FirstOrDefaultAsync(ct);
    }
}
