using System.Runtime.CompilerServices;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Reports;

/// <summary>One region of a project's ROI export, with where it lies (the annotation's image: its first image layer).</summary>
public sealed record RoiRegion(long RegionId, long LayerId, string Project, string Category, string Annotation,
    string Layer, RegionShape Shape, string GeometryJson, string? ObjectType, string? StyleJson, long? ImageId);

/// <summary>An image the ROI export's regions lie on, for formats that list images (COCO).</summary>
public sealed record RoiImage(long Id, string Name, int? Width, int? Height, string? OriginalFileName);

/// <summary>
/// The reports as streams for the one-click exports: rows are read in pages of <see cref="PageSize"/> (keyset over
/// the report's order) or from one open reader, and handed on as they come, so a project of any size is exported
/// in bounded memory. The permission check runs before the stream is returned, so a refusal is an answer, not a
/// broken download.
/// </summary>
public sealed partial class ReportService
{
    public const int PageSize = 500;

    /// <summary>The manual's project_data, the same rows as <see cref="DataAsync"/>, page by page.</summary>
    public async Task<IAsyncEnumerable<ProjectDataRow>> DataStreamAsync(Caller caller, long projectId,
        CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, projectId, ct);
        return DataPages(caller, projectId, ct);
    }

    private async IAsyncEnumerable<ProjectDataRow> DataPages(Caller caller, long projectId,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var visible = policy.VisibleAnnotationsInProject(caller, projectId).AsNoTracking();
        string? lastCategory = null, lastName = null;
        long lastId = 0;
        while (true)
        {
            var page = visible;
            if (lastCategory is not null)
            {
                string c = lastCategory, n = lastName!;
                long id = lastId;
                page = page.Where(a => string.Compare(a.Category.Name, c) > 0
                    || (a.Category.Name == c && (string.Compare(a.Name, n) > 0 || (a.Name == n && a.Id > id))));
            }
            var rows = await page.OrderBy(a => a.Category.Name).ThenBy(a => a.Name).ThenBy(a => a.Id)
                .Select(a => new { a.Id, Project = a.Category.Project.Name, Category = a.Category.Name, a.Name, a.Status })
                .Take(PageSize).ToListAsync(ct);
            if (rows.Count == 0) yield break;
            var ids = rows.Select(r => r.Id).ToList();
            var labels = (await db.AnnotationLabels.Where(x => ids.Contains(x.AnnotationId))
                    .Join(db.Labels, x => x.LabelId, l => l.Id, (x, l) => new { x.AnnotationId, l.Name }).ToListAsync(ct))
                .ToLookup(x => x.AnnotationId, x => x.Name);
            var choices = (await db.ClassificationChoices.AsNoTracking().Where(c => ids.Contains(c.AnnotationId))
                    .Select(c => new { c.AnnotationId, c.Classification.Name, c.SelectedOption }).ToListAsync(ct))
                .ToLookup(x => x.AnnotationId, x => x.SelectedOption.Length > 0 ? $"{x.Name}:{x.SelectedOption}" : x.Name);
            // The image of an annotation is the image of its first image layer in display order.
            var images = (await db.Layers.AsNoTracking()
                    .Where(l => l.Kind == LayerKind.Image && l.ImageId != null && ids.Contains(l.AnnotationId))
                    .Select(l => new { l.AnnotationId, l.Sequence, l.Id, ImageId = l.ImageId!.Value, l.Image!.Name,
                        l.Image.Type, l.Image.ExternalUrl })
                    .ToListAsync(ct))
                .GroupBy(x => x.AnnotationId).ToDictionary(g => g.Key, g => g.OrderBy(x => x.Sequence).ThenBy(x => x.Id).First());
            foreach (var a in rows)
            {
                var image = images.GetValueOrDefault(a.Id);
                yield return new ProjectDataRow(a.Project, a.Category, string.Join(",", choices[a.Id].Distinct().Order()), a.Name,
                    image?.Name ?? "", a.Status == AnnotationStatus.Submitted ? "S" : "N",
                    string.Join(",", labels[a.Id].Order()),
                    image is null ? "" : ImageUrls.Uri(image.ImageId, image.Type, image.ExternalUrl));
            }
            var last = rows[^1];
            (lastCategory, lastName, lastId) = (last.Category, last.Name, last.Id);
            if (rows.Count < PageSize) yield break;
        }
    }

    /// <summary>The manual's project_comments as one streamed query.</summary>
    public async Task<IAsyncEnumerable<ProjectCommentRow>> CommentsStreamAsync(Caller caller, long projectId,
        CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, projectId, ct);
        var visible = policy.VisibleAnnotationsInProject(caller, projectId);
        return db.Comments.AsNoTracking().Where(c => visible.Any(a => a.Id == c.Layer.AnnotationId))
            .OrderBy(c => c.Layer.Annotation.Category.Name).ThenBy(c => c.Layer.Annotation.Name)
            .ThenBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new ProjectCommentRow(c.Layer.Annotation.Category.Project.Name,
                c.Layer.Annotation.Category.Name, c.Layer.Annotation.Name, c.Layer.Name, c.Text))
            .AsAsyncEnumerable();
    }

    /// <summary>
    /// Every region the caller can see, in project_rois' order (category, annotation, layer, region), so the regions
    /// of one layer come together; read from one open query.
    /// </summary>
    public async Task<IAsyncEnumerable<RoiRegion>> RoiStreamAsync(Caller caller, long projectId,
        CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, projectId, ct);
        var visible = policy.VisibleAnnotationsInProject(caller, projectId);
        return db.Regions.AsNoTracking().Where(r => visible.Any(a => a.Id == r.Layer.AnnotationId))
            .OrderBy(r => r.Layer.Annotation.Category.Name).ThenBy(r => r.Layer.Annotation.Name)
            .ThenBy(r => r.LayerId).ThenBy(r => r.Id)
            .Select(r => new RoiRegion(r.Id, r.LayerId, r.Layer.Annotation.Category.Project.Name,
                r.Layer.Annotation.Category.Name, r.Layer.Annotation.Name, r.Layer.Name, r.Shape, r.GeometryJson,
                r.ObjectTypeId, r.StyleJson,
                r.Layer.Annotation.Layers.Where(l => l.Kind == LayerKind.Image && l.ImageId != null)
                    .OrderBy(l => l.Sequence).ThenBy(l => l.Id).Select(l => l.ImageId).FirstOrDefault()))
            .AsAsyncEnumerable();
    }

    /// <summary>
    /// The images a ROI export named (ids it collected while streaming), in pages; only images of the project,
    /// whose regions the caller was shown.
    /// </summary>
    public async IAsyncEnumerable<RoiImage> RoiImagesAsync(long projectId, IReadOnlyCollection<long> ids,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var chunk in ids.Order().Chunk(PageSize))
        {
            var images = await db.Images.AsNoTracking().Where(i => i.ProjectId == projectId && chunk.Contains(i.Id))
                .OrderBy(i => i.Id).Select(i => new RoiImage(i.Id, i.Name, i.Width, i.Height, i.OriginalFileName))
                .ToListAsync(ct);
            foreach (var image in images) yield return image;
        }
    }
}
