namespace Memento.Domain.Model;

/// <summary>One image channel, drawing canvas or group of layers inside an annotation.</summary>
public class Layer
{
    public long Id { get; set; }
    public long AnnotationId { get; set; }
    public Annotation Annotation { get; set; } = null!;
    /// <summary>The image shown by an image layer; null for groups and drawings.</summary>
    public long? ImageId { get; set; }
    public Image? Image { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Viewer settings (brightness, contrast, opacity, colour…) as the manual's settings string.</summary>
    public string Settings { get; set; } = "";
    /// <summary>Display order among siblings.</summary>
    public int Sequence { get; set; }
    /// <summary>The group layer containing this one; null at the top level.</summary>
    public long? ParentLayerId { get; set; }
    public Layer? ParentLayer { get; set; }
    public LayerKind Kind { get; set; }
    /// <summary>Who draws on a drawing layer; each annotator gets their own.</summary>
    public long? OwnerId { get; set; }
    public User? Owner { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// Advances on every change of the layer or its regions, so a save made against an older version is refused
    /// instead of overwriting someone else's work (optimistic concurrency; see RegionService).
    /// </summary>
    public int Version { get; set; }
    /// <summary>Who made the change that gave the layer its current version, for the conflict message.</summary>
    public long? ChangedById { get; set; }
    public User? ChangedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }

    public List<Layer> Children { get; set; } = [];
    public List<Comment> Comments { get; set; } = [];
    public List<Region> Regions { get; set; } = [];
}
