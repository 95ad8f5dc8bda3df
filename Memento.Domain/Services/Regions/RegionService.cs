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
/// </summary>
public sealed class RegionService(MementoDbContext db, AccessPolicy policy, LayerService layers, TimeProvider clock)
{
    public const int MaxRegionsPerLayer = 10_000;

    public async Task<List<RegionInfo>> ListAsync(Caller caller, long layerId, CancellationToken ct = default)
    {
        var (annotationId, _, _) = await layers.FactsAsync(layerId, ct);
        await policy.RequireReadAnnotationAsync(caller, annotationId, ct);
        var rows = await db.Regions.AsNoTracking().Where(r => r.LayerId == layerId).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.LayerId, r.Shape, r.GeometryJson, r.ObjectTypeId, r.StyleJson }).ToListAsync(ct);
        return rows.Select(r => new RegionInfo(r.Id, r.LayerId, RegionGeometry.TypeName(r.Shape), r.GeometryJson,
            r.ObjectTypeId, r.StyleJson)).ToList();
    }

    public async Task<List<RegionInfo>> SaveAsync(Caller caller, long layerId, IReadOnlyList<RegionInput> regions,
        CancellationToken ct = default)
    {
        await RequireDrawingAsync(caller, layerId, ct);
        if (regions.Count > MaxRegionsPerLayer)
            throw MementoException.Validation("regions", $"A layer holds at most {MaxRegionsPerLayer} regions.");
        var rows = await BuildAsync(caller, layerId, regions, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Regions.Where(r => r.LayerId == layerId).ExecuteDeleteAsync(ct);
        db.Regions.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return await ListAsync(caller, layerId, ct);
    }

    public async Task<RegionInfo> AddAsync(Caller caller, long layerId, RegionInput region, CancellationToken ct = default)
    {
        await RequireDrawingAsync(caller, layerId, ct);
        if (await db.Regions.CountAsync(r => r.LayerId == layerId, ct) >= MaxRegionsPerLayer)
            throw MementoException.Validation("region", $"A layer holds at most {MaxRegionsPerLayer} regions.");
        var row = (await BuildAsync(caller, layerId, [region], ct))[0];
        db.Regions.Add(row);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (await ListAsync(caller, layerId, ct)).Single(r => r.Id == row.Id);
    }

    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var layerId = await db.Regions.Where(r => r.Id == id).Select(r => (long?)r.LayerId).SingleOrDefaultAsync(ct)
            ?? throw MementoException.NotFound("Region", id);
        await RequireDrawingAsync(caller, layerId, ct);
        await db.Regions.Where(r => r.Id == id).ExecuteDeleteAsync(ct);
    }

    private async Task RequireDrawingAsync(Caller caller, long layerId, CancellationToken ct)
    {
        var (_, _, kind) = await layers.RequireChangeAsync(caller, layerId, ct);
        if (kind != LayerKind.Drawing)
            throw MementoException.Validation("layerId", "Regions are drawn on drawing layers only.");
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
