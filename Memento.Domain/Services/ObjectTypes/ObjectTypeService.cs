using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Datasets;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.ObjectTypes;

/// <summary>A kind of object regions show ("nucleus"), with the kinds it belongs to ("cell").</summary>
public sealed record ObjectTypeInfo(string Id, string Description, IReadOnlyList<string> Parents);

/// <summary>
/// The global vocabulary of object types regions are tagged with (and the dataset queries' "has:" searches).
/// Everyone signed in reads it (it names kinds of things, nothing of any project). Registering is for system
/// administrators and whoever manages projects (<see cref="AccessPolicy.ManagesProjectsAsync"/>: the people who set
/// up annotation work); a type once registered is shared by every project, so it is never renamed or removed here.
/// </summary>
public sealed class ObjectTypeService(MementoDbContext db, AccessPolicy policy)
{
    public const int MaxIdLength = 100;

    public async Task<List<ObjectTypeInfo>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        caller.RequireUserId();
        var types = await db.ObjectTypes.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Description }).ToListAsync(ct);
        var parents = (await db.ObjectTypeParents.AsNoTracking().ToListAsync(ct)).ToLookup(p => p.ChildId, p => p.ParentId);
        return types.Select(t => new ObjectTypeInfo(t.Id, t.Description, parents[t.Id].Order(StringComparer.Ordinal).ToList())).ToList();
    }

    /// <summary>A new type; CONFLICT when the id exists, VALIDATION for an unknown parent.</summary>
    public async Task<ObjectTypeInfo> RegisterAsync(Caller caller, string id, string? description,
        IReadOnlyList<string>? parents, CancellationToken ct = default)
    {
        caller.RequireUserId();
        if (!await policy.IsSysAdminAsync(caller, ct) && !await policy.ManagesProjectsAsync(caller, ct))
            throw MementoException.Forbidden("Registering object types is for administrators and project managers.");
        var name = Inputs.Name(id, "id", MaxIdLength);
        var wanted = (parents ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Contains(name)) throw MementoException.Validation("parents", "An object type cannot be its own parent.");
        var known = await db.ObjectTypes.Where(t => wanted.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        if (wanted.Except(known, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
            throw MementoException.Validation("parents", $"Unknown object type '{unknown}'; register it first.");
        var text = Inputs.Settings(description ?? "", "description", 1000);
        db.ObjectTypes.Add(new ObjectType { Id = name, Description = text });
        db.ObjectTypeParents.AddRange(wanted.Select(p => new ObjectTypeParent { ChildId = name, ParentId = p }));
        await ObjectTypeClosure.RebuildAsync(db, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            throw MementoException.Conflict($"The object type '{name}' already exists.");
        }
        db.ChangeTracker.Clear();
        return new ObjectTypeInfo(name, text, wanted.Order(StringComparer.Ordinal).ToList());
    }
}
