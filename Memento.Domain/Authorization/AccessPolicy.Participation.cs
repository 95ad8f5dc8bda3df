using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Authorization;

// "May take part in" for many annotations at once (the sidebar's share badges): one query for the ids the request
// has not asked about yet, sharing the point check's cache and its predicate, so a batch answers exactly as
// CanParticipateAsync would.
public sealed partial class AccessPolicy
{
    private const string AnnotationParticipate = "annotation.participate";

    /// <summary>The ids among <paramref name="annotationIds"/> the caller may take part in; at most one query.</summary>
    public async Task<IReadOnlySet<long>> ParticipableAsync(Caller caller, IEnumerable<long> annotationIds,
        CancellationToken ct = default)
    {
        var allowed = new HashSet<long>();
        var unknown = new List<long>();
        foreach (var id in annotationIds.Distinct())
        {
            if (!cache.TryGetValue((AnnotationParticipate, id, caller), out var known)) unknown.Add(id);
            else if (known) allowed.Add(id);
        }
        if (unknown.Count == 0) return allowed;
        // Share-link holders and anonymous callers never take part: no query needed to say so.
        var found = !caller.IsSysAdmin && caller.UserId is null
            ? []
            : (await db.Annotations.Where(AnnotationParticipable(caller))
                .Where(a => EF.Parameter(unknown).Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        foreach (var id in unknown)
        {
            var yes = found.Contains(id);
            cache[(AnnotationParticipate, id, caller)] = yes;
            if (yes) allowed.Add(id);
        }
        return allowed;
    }
}
