using Memento.Domain.Data;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Datasets;

/// <summary>
/// Keeps <see cref="ObjectTypeAncestor"/> equal to the transitive closure of the parent edges (each type is its own
/// ancestor). The vocabulary is small (thousands of types) and changes rarely, so every change recomputes it whole,
/// in the caller's transaction, rather than patching it edge by edge (which is easy to get wrong with several parents).
/// </summary>
public static class ObjectTypeClosure
{
    /// <summary>Recomputes the closure; call after changing types or parents, before SaveChanges.</summary>
    public static async Task RebuildAsync(MementoDbContext db, CancellationToken ct = default)
    {
        var ids = await db.ObjectTypes.Select(t => t.Id).ToListAsync(ct);
        var edges = await db.ObjectTypeParents.Select(p => new { p.ChildId, p.ParentId }).ToListAsync(ct);
        // Include what the caller added or removed but has not saved yet.
        foreach (var entry in db.ChangeTracker.Entries<ObjectType>())
        {
            if (entry.State == EntityState.Added) ids.Add(entry.Entity.Id);
            if (entry.State == EntityState.Deleted) ids.Remove(entry.Entity.Id);
        }
        foreach (var entry in db.ChangeTracker.Entries<ObjectTypeParent>())
        {
            var edge = new { entry.Entity.ChildId, entry.Entity.ParentId };
            if (entry.State == EntityState.Added) edges.Add(edge);
            if (entry.State == EntityState.Deleted) edges.Remove(edge);
        }
        var parents = edges.ToLookup(e => e.ChildId, e => e.ParentId);
        var wanted = new HashSet<(string Type, string Ancestor)>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var stack = new Stack<string>([id]);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (stack.Count > 0)
            {
                var at = stack.Pop();
                if (!seen.Add(at)) continue; // a cycle is refused by the writers; never loop on one anyway
                wanted.Add((id, at));
                foreach (var p in parents[at]) stack.Push(p);
            }
        }
        var existing = await db.ObjectTypeAncestors.AsNoTracking().ToListAsync(ct);
        var have = existing.Select(e => (e.ObjectTypeId, e.AncestorId)).ToHashSet();
        db.ObjectTypeAncestors.RemoveRange(existing.Where(e => !wanted.Contains((e.ObjectTypeId, e.AncestorId))));
        db.ObjectTypeAncestors.AddRange(wanted.Where(w => !have.Contains(w))
            .Select(w => new ObjectTypeAncestor { ObjectTypeId = w.Type, AncestorId = w.Ancestor }));
    }

    /// <summary>True when making <paramref name="parent"/> a parent of <paramref name="child"/> would close a cycle.</summary>
    public static Task<bool> WouldCycleAsync(MementoDbContext db, string child, string parent, CancellationToken ct = default) =>
        // A cycle appears exactly when the child is already the parent itself or one of its ancestors.
        db.ObjectTypeAncestors.AnyAsync(a => a.ObjectTypeId == parent && a.AncestorId == child, ct);
}
