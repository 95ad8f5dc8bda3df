namespace Memento.Domain.Model;

/// <summary>A region of interest drawn on a drawing layer.</summary>
public class Region
{
    public long Id { get; set; }
    public long LayerId { get; set; }
    public Layer Layer { get; set; } = null!;
    public RegionShape Shape { get; set; }
    /// <summary>Coordinates in full-resolution image pixels, as JSON (e.g. [[x,y],…]).</summary>
    public string GeometryJson { get; set; } = "[]";
    /// <summary>Stroke/fill as JSON; null means the viewer's default style.</summary>
    public string? StyleJson { get; set; }
    public string? ObjectTypeId { get; set; }
    public ObjectType? ObjectType { get; set; }
    public long? CreatedById { get; set; }
    public User? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
