namespace Memento.Domain.Model;

/// <summary>A short keyword marking an annotation's outcome ("positive", "exclude").</summary>
public class Label
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public Project Project { get; set; } = null!;
    /// <summary>Unique within the project.</summary>
    public string Name { get; set; } = "";

    public List<Annotation> Annotations { get; set; } = [];
}
