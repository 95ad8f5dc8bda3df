namespace Memento.Domain.Model;

/// <summary>A biological group inside a project ("WT", "KO").</summary>
public class Category
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public Project Project { get; set; } = null!;
    /// <summary>Unique within the project.</summary>
    public string Name { get; set; } = "";
    /// <summary>Thumbnail-grid settings (forcerow, nameshidden, darkmode) as key:value pairs.</summary>
    public string Settings { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public List<Annotation> Annotations { get; set; } = [];
    /// <summary>The classification buttons shown for this category.</summary>
    public List<Classification> Classifications { get; set; } = [];
}
