using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Authorization;

/// <summary>What a batched read check is about.</summary>
public enum ReadScope { Project, Category, Annotation, Image }

// Read checks for many objects at once, for DataLoaders: one query for all the ids the request has not asked
// about yet, sharing the point checks' cache. The same predicates decide, so a batch answers exactly as the
// point checks would.
public sealed partial class AccessPolicy
{
    /// <summary>The ids among <paramref name="ids"/> the caller may read; at most one query.</summary>
    public async Task<IReadOnlySet<long>> ReadableAsync(ReadScope scope, Caller caller, IEnumerable<long> ids,
        CancellationToken ct = default)
    {
        var check = CheckOf(scope);
        var readable = new HashSet<long>();
        var unknown = new List<long>();
        foreach (var id in ids.Distinct())
        {
            if (!cache.TryGetValue((check, id, caller), out var known)) unknown.Add(id);
            else if (known) readable.Add(id);
        }
        if (unknown.Count == 0) return readable;
        // One array-like parameter, however many ids: a batch may hold thousands.
        var found = (await (scope switch
        {
            ReadScope.Project => VisibleProjects(caller).Where(p => EF.Parameter(unknown).Contains(p.Id)).Select(p => p.Id),
            ReadScope.Category => VisibleCategories(caller).Where(c => EF.Parameter(unknown).Contains(c.Id)).Select(c => c.Id),
            ReadScope.Annotation => VisibleAnnotations(caller).Where(a => EF.Parameter(unknown).Contains(a.Id)).Select(a => a.Id),
            _ => VisibleImages(caller).Where(i => EF.Parameter(unknown).Contains(i.Id)).Select(i => i.Id),
        }).ToListAsync(ct)).ToHashSet();
        foreach (var id in unknown)
        {
            var allowed = found.Contains(id);
            cache[(check, id, caller)] = allowed;
            if (allowed) readable.Add(id);
        }
        return readable;
    }

    /// <summary>
    /// Records that the caller may read these objects, because a list filtered by the same predicate returned them
    /// (e.g. VisibleCategories), so checks on their children need no query.
    /// </summary>
    public void RememberReadable(ReadScope scope, Caller caller, IEnumerable<long> ids)
    {
        var check = CheckOf(scope);
        foreach (var id in ids) cache[(check, id, caller)] = true;
    }

    /// <summary>The refusal a point check gives (NOT_FOUND, UNAUTHENTICATED or FORBIDDEN), or nothing if allowed.</summary>
    public Task RequireReadAsync(ReadScope scope, Caller caller, long id, CancellationToken ct = default) => scope switch
    {
        ReadScope.Project => RequireReadProjectAsync(caller, id, ct),
        ReadScope.Category => RequireReadCategoryAsync(caller, id, ct),
        ReadScope.Annotation => RequireReadAnnotationAsync(caller, id, ct),
        _ => RequireReadImageAsync(caller, id, ct),
    };

    private static string CheckOf(ReadScope scope) => scope switch
    {
        ReadScope.Project => ProjectRead,
        ReadScope.Category => CategoryRead,
        ReadScope.Annotation => AnnotationRead,
        _ => ImageRead,
    };
}
