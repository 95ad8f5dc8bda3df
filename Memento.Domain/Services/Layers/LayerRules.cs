using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Layers;

/// <summary>Builds a valid layer from a spec: shared by annotation creation (first layer) and layer creation.</summary>
internal static class LayerRules
{
    public static async Task<Layer> BuildAsync(MementoDbContext db, long projectId, long? annotationId, LayerSpec spec,
        long? ownerId, DateTimeOffset now, CancellationToken ct)
    {
        var layer = new Layer
        {
            Name = Inputs.Name(spec.Name), Kind = spec.Kind, Settings = LayerSettings.Validate(spec.Kind, spec.Settings),
            CreatedAt = now, OwnerId = spec.Kind == LayerKind.Drawing ? ownerId : null,
        };
        if (annotationId is { } a) layer.AnnotationId = a;
        layer.ImageId = await ImageAsync(db, projectId, spec.Kind, spec.ImageId, ct);
        layer.ParentLayerId = await ParentAsync(db, annotationId, spec.ParentId, ct);
        layer.Sequence = spec.Sequence >= 0 ? Sequence(spec.Sequence)
            : annotationId is { } id
                ? (await db.Layers.Where(l => l.AnnotationId == id).MaxAsync(l => (int?)l.Sequence, ct) ?? 0) + 1
                : 1;
        return layer;
    }

    /// <summary>
    /// The largest sequence number a layer may be given. Appending takes the annotation's highest plus one, so a
    /// number near int.MaxValue would make the next append wrap around to a negative number (wrong order).
    /// </summary>
    public const int MaxSequence = 1_000_000;

    /// <summary>A given sequence number (negative ones mean "append" and are handled by the caller).</summary>
    public static int Sequence(int sequence) => sequence <= MaxSequence ? sequence
        : throw MementoException.Validation("sequence", $"A layer's sequence must be at most {MaxSequence:N0} (or -1 to append).");

    /// <summary>An image layer needs an image of the same project; other kinds show none.</summary>
    public static async Task<long?> ImageAsync(MementoDbContext db, long projectId, LayerKind kind, long imageId,
        CancellationToken ct)
    {
        if (kind != LayerKind.Image)
        {
            if (imageId > 0) throw MementoException.Validation("imageId", "Only image layers show an image.");
            return null;
        }
        if (imageId <= 0) throw MementoException.Validation("imageId", "An image layer needs an image.");
        if (!await db.Images.AnyAsync(i => i.Id == imageId && i.ProjectId == projectId, ct))
            throw MementoException.Validation("imageId", $"Image {imageId} is not an image of this project.");
        return imageId;
    }

    /// <summary>The parent must be a group layer of the same annotation; 0 or less means top level.</summary>
    public static async Task<long?> ParentAsync(MementoDbContext db, long? annotationId, long parentId,
        CancellationToken ct)
    {
        if (parentId <= 0) return null;
        if (annotationId is null
            || !await db.Layers.AnyAsync(l => l.Id == parentId && l.AnnotationId == annotationId
                && l.Kind == LayerKind.Group, ct))
            throw MementoException.Validation("parentId", $"Layer {parentId} is not a group layer of this annotation.");
        return parentId;
    }
}
