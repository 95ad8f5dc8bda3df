using System.Text.Json.Nodes;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Regions;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Reports;

/// <summary>
/// The manual's exports. Every report is built over <see cref="AccessPolicy.VisibleAnnotationsInProject"/>, so a
/// category participant's export holds its category only: no sibling rows, names or counts. A fixed number of
/// queries per report, whatever the project's size.
/// </summary>
public sealed partial class ReportService(MementoDbContext db, AccessPolicy policy, TimeProvider clock)
{
    public async Task<ProjectSummary> SummaryAsync(Caller caller, long projectId, CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, projectId, ct);
        var annotations = policy.VisibleAnnotationsInProject(caller, projectId);
        var categories = policy.VisibleCategories(caller, projectId);
        var now = clock.GetUtcNow();
        var total = await annotations.CountAsync(ct);
        var submitted = await annotations.CountAsync(a => a.Status == AnnotationStatus.Submitted, ct);
        var shared = await annotations.CountAsync(a => a.ShareLinks.Any(s => s.RevokedAt == null
            && (s.ExpiresAt == null || s.ExpiresAt > now)), ct);
        var participants = await db.Permissions
            .Where(p => (p.Role == PermissionRole.ProPar && p.ScopeId == projectId)
                || (p.Role == PermissionRole.CatPar && categories.Any(c => c.Id == p.ScopeId))
                || (p.Role == PermissionRole.AnnPar && annotations.Any(a => a.Id == p.ScopeId)))
            .Select(p => p.UserId).Distinct().CountAsync(ct);
        return new ProjectSummary(participants, total, submitted, shared);
    }

    /// <summary>All of <see cref="DataStreamAsync"/>'s rows (the API's list): the export and the API give the same rows.</summary>
    public async Task<List<ProjectDataRow>> DataAsync(Caller caller, long projectId, CancellationToken ct = default)
    {
        var rows = new List<ProjectDataRow>();
        await foreach (var row in (await DataStreamAsync(caller, projectId, ct)).WithCancellation(ct)) rows.Add(row);
        return rows;
    }

    public async Task<List<ProjectRoiRow>> RoisAsync(Caller caller, long projectId, CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, projectId, ct);
        var visible = policy.VisibleAnnotationsInProject(caller, projectId);
        var regions = await db.Regions.AsNoTracking().Where(r => visible.Any(a => a.Id == r.Layer.AnnotationId))
            .OrderBy(r => r.Layer.Annotation.Category.Name).ThenBy(r => r.Layer.Annotation.Name)
            .ThenBy(r => r.LayerId).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.LayerId, Project = r.Layer.Annotation.Category.Project.Name, Category = r.Layer.Annotation.Category.Name,
                Annotation = r.Layer.Annotation.Name, Layer = r.Layer.Name, r.Shape, r.GeometryJson, r.ObjectTypeId,
                r.StyleJson,
            }).ToListAsync(ct);
        return regions.GroupBy(r => r.LayerId).Select(g =>
        {
            var first = g.First();
            var data = new JsonArray(g.Select(r => (JsonNode)new JsonObject
            {
                ["type"] = RegionGeometry.TypeName(r.Shape),
                ["shape"] = JsonNode.Parse(r.GeometryJson),
                ["object"] = r.ObjectTypeId,
                ["style"] = r.StyleJson is null ? null : JsonNode.Parse(r.StyleJson),
            }).ToArray());
            return new ProjectRoiRow(first.Project, first.Category, first.Annotation, first.Layer, data.ToJsonString());
        }).ToList();
    }

    public async Task<List<ProjectCommentRow>> CommentsAsync(Caller caller, long projectId,
        CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, projectId, ct);
        var visible = policy.VisibleAnnotationsInProject(caller, projectId);
        return await db.Comments.AsNoTracking().Where(c => visible.Any(a => a.Id == c.Layer.AnnotationId))
            .OrderBy(c => c.Layer.Annotation.Category.Name).ThenBy(c => c.Layer.Annotation.Name)
            .ThenBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new ProjectCommentRow(c.Layer.Annotation.Category.Project.Name,
                c.Layer.Annotation.Category.Name, c.Layer.Annotation.Name, c.Layer.Name, c.Text))
            .ToListAsync(ct);
    }
}
