using System.Text.Json;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Layers;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Regions;

/// <summary>A region to store: the type name, its shape JSON, an optional object type id and style JSON.</summary>
public sealed record RegionInput(string Type, JsonElement Shape, string? Object = null, JsonElement? Style = null);

public sealed record RegionInfo(long Id, long LayerId, string Type, string ShapeJson, string? Object, string? StyleJson);

/// <summary>
/// Regions of interest on drawing layers: read by everyone who reads the annotation; written by the layer's owner
/// (a participant) or the project's administrators. Saving replaces the whole set, as the viewer's Save does.
/// Every write advances the layer's version (see <see cref="WriteAsync"/>).
/// </summary>
public sealed class RegionService(MementoDbContext db, AccessPolicy policy, LayerService layers, TimeProvider clock)
{
    /// <summary>
    /// Imported cell segmentations hold tens of thousands of cells; 100,000 regions a layer keeps a whole slide's
    /// nuclei on one layer while bounding what one layer costs to store and to send to the viewer.
    /// </summary>
    public const int MaxRegionsPerLayer = 100_000;

    public async Task<List<RegionInfo>> ListAsync(Caller caller, long layerId, CancellationToken ct = default)
    {
        var (annotationId, _, _) = await layers.FactsAsync(layerId, ct);
        await policy.RequireReadAnnotationAsync(caller, annotationId, ct);
        var rows = await db.Regions.AsNoTracking().Where(r => r.LayerId == layerId).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.LayerId, r.Shape, r.GeometryJson, r.ObjectTypeId, r.StyleJson }).ToListAsync(ct);
        return rows.Select(r => new RegionInfo(r.Id, r.LayerId, RegionGeometry.TypeName(r.Shape), r.GeometryJson,
            r.ObjectTypeId, r.StyleJson)).ToList();
    }

    /// <summary>Replaces every region of the layer, whatever its version; the stored regions in order.</summary>
    public async Task<List<RegionInfo>> SaveAsync(Caller caller, long layerId, IReadOnlyList<RegionInput> regions,
        CancellationToken ct = default)
    {
        await WriteAsync(caller, layerId, regions, null, false, ct);
        return await ListAsync(caller, layerId, ct);
    }

    /// <summary>
    /// Replaces the layer's regions with these (or, with <paramref name="append"/>, adds them after the stored ones,
    /// for a set too large for one request) and returns the layer's new version. With an
    /// <paramref name="expectedVersion"/> the write happens only if the layer is still at that version: CONFLICT
    /// otherwise, and nothing is written.
    /// </summary>
    public async Task<int> WriteAsync(Caller caller, long layerId, IReadOnlyList<RegionInput> regions,
        int? expectedVersion, bool append, CancellationToken ct = default)
    {
        var annotationId = await RequireDrawingAsync(caller, layerId, ct);
        if (regions.Count > MaxRegionsPerLayer) throw TooMany("regions");
        var rows = await BuildAsync(caller, layerId, regions, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var version = await AdvanceAsync(caller, layerId, expectedVersion, ct);
        if (append)
        {
            if (await db.Regions.CountAsync(r => r.LayerId == layerId, ct) + rows.Count > MaxRegionsPerLayer)
                throw TooMany("regions");
        }
        else await db.Regions.Where(r => r.LayerId == layerId).ExecuteDeleteAsync(ct);
        await RegionRows.InsertAsync(db, rows, ct);
        await layers.RaiseSavedAsync(caller, annotationId, layerId, ct);
        await transaction.CommitAsync(ct);
        return version;
    }

    public async Task<RegionInfo> AddAsync(Caller caller, long layerId, RegionInput region, CancellationToken ct = default) =>
        (await AddVersionedAsync(caller, layerId, region, null, ct)).Region;

    /// <summary>Adds one region; the region and the layer's new version. CONFLICT as <see cref="WriteAsync"/>.</summary>
    public async Task<(RegionInfo Region, int Version)> AddVersionedAsync(Caller caller, long layerId,
        RegionInput region, int? expectedVersion, CancellationToken ct = default)
    {
        var annotationId = await RequireDrawingAsync(caller, layerId, ct);
        var row = (await BuildAsync(caller, layerId, [region], ct))[0];
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var version = await AdvanceAsync(caller, layerId, expectedVersion, ct);
        if (await db.Regions.CountAsync(r => r.LayerId == layerId, ct) >= MaxRegionsPerLayer) throw TooMany("region");
        db.Regions.Add(row);
        await db.SaveChangesAsync(ct);
        await layers.RaiseSavedAsync(caller, annotationId, layerId, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return ((await ListAsync(caller, layerId, ct)).Single(r => r.Id == row.Id), version);
    }

    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct = default) =>
        await DeleteVersionedAsync(caller, id, null, ct);

    /// <summary>Deletes one region; the layer's new version. CONFLICT as <see cref="WriteAsync"/>.</summary>
    public async Task<int> DeleteVersionedAsync(Caller caller, long id, int? expectedVersion, CancellationToken ct = default)
    {
        var layerId = await db.Regions.Where(r => r.Id == id).Select(r => (long?)r.LayerId).SingleOrDefaultAsync(ct)
            ?? throw MementoException.NotFound("Region", id);
        var annotationId = await RequireDrawingAsync(caller, layerId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var version = await AdvanceAsync(caller, layerId, expectedVersion, ct);
        if (await db.Regions.Where(r => r.Id == id).ExecuteDeleteAsync(ct) == 0)
            throw MementoException.NotFound("Region", id); // deleted meanwhile: the rollback undoes the advance
        await layers.RaiseSavedAsync(caller, annotationId, layerId, ct);
        await transaction.CommitAsync(ct);
        return version;
    }

    /// <summary>
    /// Advances the layer's version inside the caller's transaction, only if it is still
    /// <paramref name="expectedVersion"/> (when given). One conditional UPDATE: of two saves racing from the same
    /// version, the database lets exactly one match (SQLite serialises writers; PostgreSQL re-checks the WHERE
    /// after the first commits), and the loser is refused before it writes anything.
    /// </summary>
    private async Task<int> AdvanceAsync(Caller caller, long layerId, int? expectedVersion, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var changed = await db.Layers
            .Where(l => l.Id == layerId && (expectedVersion == null || l.Version == expectedVersion))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Version, l => l.Version + 1)
                .SetProperty(l => l.ChangedById, caller.UserId).SetProperty(l => l.ChangedAt, now), ct);
        if (changed == 0) throw await layers.ConflictAsync(layerId, ct);
        return await db.Layers.Where(l => l.Id == layerId).Select(l => l.Version).SingleAsync(ct);
    }

    private static MementoException TooMany(string field) =>
        MementoException.Validation(field, $"A layer holds at most {MaxRegionsPerLayer:N0} regions.");

    /// <summary>The layer's annotation, once the caller may draw on the layer.</summary>
    private async Task<long> RequireDrawingAsync(Caller caller, long layerId, CancellationToken ct)
    {
        var (annotationId, _, kind) = await layers.RequireChangeAsync(caller, layerId, ct);
        if (kind != LayerKind.Drawing)
            throw MementoException.Validation("layerId", "Regions are drawn on drawing layers only.");
        return annotationId;
    }

    private async Task<List<Region>> BuildAsync(Caller caller, long layerId, IEnumerable<RegionInput> inputs,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var list = inputs.ToList();
        var objectIds = list.Select(r => r.Object).OfType<string>().Distinct().ToList();
        var known = await db.ObjectTypes.Where(o => objectIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        var unknown = objectIds.Except(known).ToList();
        if (unknown.Count > 0)
            throw MementoException.Validation("object", $"Unknown object type(s): {string.Join(", ", unknown)}.");
        return list.Select(r =>
        {
            var shape = RegionGeometry.ParseType(r.Type);
            string? style = r.Style is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } s
                ? s.GetRawText() : null;
            if (style is { Length: > 4000 }) throw MementoException.Validation("style", "The style is too long.");
            return new Region
            {
                LayerId = layerId, Shape = shape, GeometryJson = RegionGeometry.Normalize(shape, r.Shape),
                ObjectTypeId = r.Object, StyleJson = style, CreatedById = caller.UserId, CreatedAt = now,
            };
        }).ToList();
    }
}
