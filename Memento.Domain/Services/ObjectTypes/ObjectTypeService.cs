using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Datasets;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.ObjectTypes;

/// <summary>
/// A kind of object regions show ("nucleus"): the kinds it is directly a kind of (parents), the kinds directly
/// under it (children) and every kind above it through any chain of parents (ancestors, itself excluded).
/// </summary>
public sealed record ObjectTypeInfo(string Id, string Description, IReadOnlyList<string> Parents,
    IReadOnlyList<string> Children, IReadOnlyList<string> Ancestors);

/// <summary>
/// The global vocabulary of object types regions are tagged with (and the dataset queries' "has:" searches).
/// Everyone reads it, also anonymous callers: it names kinds of things, nothing of any project. Changing it is for
/// vocabulary administrators (<see cref="AccessPolicy.EditsVocabularyAsync"/>). Every change rebuilds the
/// hierarchy's closure in the same save, so a search never sees a half-changed hierarchy.
/// </summary>
public sealed class ObjectTypeService(MementoDbContext db, AccessPolicy policy)
{
    public const int MaxIdLength = 100;
    public const int MaxDescriptionLength = 1000;
    /// <summary>A type has a handful of parents in any sensible vocabulary; the bound keeps a request small.</summary>
    public const int MaxParents = 50;

    private const string What = "the object vocabulary";

    /// <summary>Every type with its parents, children and ancestors, by id (anyone).</summary>
    public async Task<List<ObjectTypeInfo>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        var graph = await Graph.LoadAsync(db, ct);
        return graph.Ids.Select(graph.Info).ToList();
    }

    /// <summary>One type; NOT_FOUND when there is none of that id (anyone).</summary>
    public async Task<ObjectTypeInfo> GetAsync(Caller caller, string id, CancellationToken ct = default)
    {
        var graph = await Graph.LoadAsync(db, ct);
        return graph.Descriptions.ContainsKey(id) ? graph.Info(id) : throw NotFound(id);
    }

    /// <summary>How many regions are tagged with the type (what stands in the way of deleting it).</summary>
    public Task<int> RegionCountAsync(string id, CancellationToken ct = default) =>
        db.Regions.CountAsync(r => r.ObjectTypeId == id, ct);

    /// <summary>A new type; CONFLICT when the id exists, VALIDATION for an unknown parent.</summary>
    public async Task<ObjectTypeInfo> RegisterAsync(Caller caller, string id, string? description,
        IReadOnlyList<string>? parents, CancellationToken ct = default)
    {
        await policy.RequireVocabularyEditorAsync(caller, What, ct);
        var name = Inputs.Name(id, "id", MaxIdLength);
        var text = Description(description);
        var wanted = await ParentsAsync(name, parents, ct);
        if (await db.ObjectTypes.AnyAsync(t => t.Id == name, ct))
            throw MementoException.Conflict($"The object type '{name}' already exists.");
        db.ObjectTypes.Add(new ObjectType { Id = name, Description = text });
        db.ObjectTypeParents.AddRange(wanted.Select(p => new ObjectTypeParent { ChildId = name, ParentId = p }));
        await ObjectTypeClosure.RebuildAsync(db, ct);
        await SaveAsync(name, ct);
        return await GetAsync(caller, name, ct);
    }

    /// <summary>
    /// Gives the type a new id: its regions, its parent edges and its children's edges follow, in one transaction
    /// (regions name their type by id). CONFLICT when the new id is taken.
    /// </summary>
    public async Task<ObjectTypeInfo> RenameAsync(Caller caller, string id, string newId, CancellationToken ct = default)
    {
        await policy.RequireVocabularyEditorAsync(caller, What, ct);
        var name = Inputs.Name(newId, "newId", MaxIdLength);
        var type = await db.ObjectTypes.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw NotFound(id);
        if (name == id) return await GetAsync(caller, id, ct);
        if (await db.ObjectTypes.AnyAsync(t => t.Id == name, ct))
            throw MementoException.Conflict($"The object type '{name}' already exists.");
        var edges = await db.ObjectTypeParents.Where(p => p.ChildId == id || p.ParentId == id).ToListAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The new row first, so the regions and edges can point at it; the old one goes last.
        db.ObjectTypes.Add(new ObjectType { Id = name, Description = type.Description });
        await SaveAsync(name, ct);
        await db.Regions.Where(r => r.ObjectTypeId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ObjectTypeId, name), ct);
        db.ObjectTypeParents.RemoveRange(edges);
        db.ObjectTypeParents.AddRange(edges.Select(e => new ObjectTypeParent
        {
            ChildId = e.ChildId == id ? name : e.ChildId, ParentId = e.ParentId == id ? name : e.ParentId,
        }));
        db.ObjectTypes.Remove(type);
        await ObjectTypeClosure.RebuildAsync(db, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return await GetAsync(caller, name, ct);
    }

    public async Task<ObjectTypeInfo> SetDescriptionAsync(Caller caller, string id, string? description,
        CancellationToken ct = default)
    {
        await policy.RequireVocabularyEditorAsync(caller, What, ct);
        var text = Description(description);
        var type = await db.ObjectTypes.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw NotFound(id);
        type.Description = text;
        await ObjectTypeClosure.RebuildAsync(db, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return await GetAsync(caller, id, ct);
    }

    /// <summary>
    /// Replaces the type's parents. VALIDATION naming the cycle when a new parent is the type itself or one of its
    /// descendants ("nucleus → organelle → nucleus").
    /// </summary>
    public async Task<ObjectTypeInfo> SetParentsAsync(Caller caller, string id, IReadOnlyList<string>? parents,
        CancellationToken ct = default)
    {
        await policy.RequireVocabularyEditorAsync(caller, What, ct);
        if (!await db.ObjectTypes.AnyAsync(t => t.Id == id, ct)) throw NotFound(id);
        var wanted = await ParentsAsync(id, parents, ct);
        foreach (var parent in wanted)
        {
            if (await ObjectTypeClosure.WouldCycleAsync(db, id, parent, ct))
                throw MementoException.Validation("parents",
                    $"'{id}' cannot be a kind of '{parent}': that would close the cycle {await CycleAsync(id, parent, ct)}.");
        }
        var current = await db.ObjectTypeParents.Where(p => p.ChildId == id).ToListAsync(ct);
        db.ObjectTypeParents.RemoveRange(current.Where(p => !wanted.Contains(p.ParentId)));
        db.ObjectTypeParents.AddRange(wanted.Where(p => current.All(c => c.ParentId != p))
            .Select(p => new ObjectTypeParent { ChildId = id, ParentId = p }));
        await ObjectTypeClosure.RebuildAsync(db, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return await GetAsync(caller, id, ct);
    }

    /// <summary>
    /// Deletes an unused type; its children lose the edge to it (and keep their other parents). CONFLICT naming the
    /// number of regions when regions are tagged with it.
    /// </summary>
    public async Task DeleteAsync(Caller caller, string id, CancellationToken ct = default)
    {
        await policy.RequireVocabularyEditorAsync(caller, What, ct);
        var type = await db.ObjectTypes.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw NotFound(id);
        var used = await RegionCountAsync(id, ct);
        if (used > 0)
            throw MementoException.Conflict(
                $"'{id}' is used by {used} region{(used == 1 ? "" : "s")}; rename it or retag them before deleting it.");
        db.ObjectTypeParents.RemoveRange(await db.ObjectTypeParents.Where(p => p.ChildId == id || p.ParentId == id).ToListAsync(ct));
        db.ObjectTypes.Remove(type);
        await ObjectTypeClosure.RebuildAsync(db, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static MementoException NotFound(string id) => MementoException.NotFound($"There is no object type '{id}'.");

    private static string Description(string? description) =>
        Inputs.Settings(description ?? "", "description", MaxDescriptionLength);

    /// <summary>The distinct, trimmed parent ids, each an existing type other than the child.</summary>
    private async Task<List<string>> ParentsAsync(string child, IReadOnlyList<string>? parents, CancellationToken ct)
    {
        if (parents is { Count: > MaxParents })
            throw MementoException.Validation("parents", $"A type may have at most {MaxParents} parents.");
        var wanted = (parents ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Contains(child)) throw MementoException.Validation("parents", "An object type cannot be its own parent.");
        var known = await db.ObjectTypes.Where(t => wanted.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        if (wanted.Except(known, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
            throw MementoException.Validation("parents", $"Unknown object type '{unknown}'; register it first.");
        return wanted;
    }

    /// <summary>"child → parent → … → child": the chain of parents from the new parent back up to the child.</summary>
    private async Task<string> CycleAsync(string child, string parent, CancellationToken ct)
    {
        var parents = (await db.ObjectTypeParents.AsNoTracking().ToListAsync(ct)).ToLookup(p => p.ChildId, p => p.ParentId);
        // Breadth-first from the parent upwards, so the shortest chain is named.
        var cameFrom = new Dictionary<string, string?>(StringComparer.Ordinal) { [parent] = null };
        var queue = new Queue<string>([parent]);
        while (queue.Count > 0 && !cameFrom.ContainsKey(child))
        {
            var at = queue.Dequeue();
            foreach (var up in parents[at].Order(StringComparer.Ordinal))
                if (cameFrom.TryAdd(up, at)) queue.Enqueue(up);
        }
        var chain = new List<string>();
        for (string? at = child; at is not null && cameFrom.ContainsKey(at); at = cameFrom[at]) chain.Add(at);
        chain.Reverse(); // parent … child
        return string.Join(" → ", [child, .. chain]);
    }

    private async Task SaveAsync(string name, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            throw MementoException.Conflict($"The object type '{name}' already exists.");
        }
    }

    /// <summary>The whole vocabulary in memory: it is small (thousands of types) and read whole by every page.</summary>
    private sealed class Graph
    {
        public required SortedDictionary<string, string> Descriptions { get; init; }
        public required ILookup<string, string> Parents { get; init; }
        public required ILookup<string, string> Children { get; init; }
        public required ILookup<string, string> Ancestors { get; init; }
        public IEnumerable<string> Ids => Descriptions.Keys;

        public static async Task<Graph> LoadAsync(MementoDbContext db, CancellationToken ct)
        {
            var types = await db.ObjectTypes.AsNoTracking().Select(t => new { t.Id, t.Description }).ToListAsync(ct);
            var edges = await db.ObjectTypeParents.AsNoTracking().ToListAsync(ct);
            var closure = await db.ObjectTypeAncestors.AsNoTracking().Where(a => a.AncestorId != a.ObjectTypeId).ToListAsync(ct);
            return new Graph
            {
                Descriptions = new SortedDictionary<string, string>(types.ToDictionary(t => t.Id, t => t.Description), StringComparer.Ordinal),
                Parents = edges.ToLookup(e => e.ChildId, e => e.ParentId),
                Children = edges.ToLookup(e => e.ParentId, e => e.ChildId),
                Ancestors = closure.ToLookup(a => a.ObjectTypeId, a => a.AncestorId),
            };
        }

        public ObjectTypeInfo Info(string id) => new(id, Descriptions[id], Sorted(Parents[id]), Sorted(Children[id]), Sorted(Ancestors[id]));

        private static List<string> Sorted(IEnumerable<string> ids) => ids.Order(StringComparer.Ordinal).ToList();
    }
}
