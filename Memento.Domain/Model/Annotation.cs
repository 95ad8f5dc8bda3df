namespace Memento.Domain.Model;

/// <summary>One sample, slide or well inside a category.</summary>
public class Annotation
{
    public long Id { get; set; }
    public long CategoryId { get; set; }
    public Category Category { get; set; } = null!;
    /// <summary>Unique within the category.</summary>
    public string Name { get; set; } = "";
    public AnnotationStatus Status { get; set; } = AnnotationStatus.New;
    public long? SubmittedById { get; set; }
    public User? SubmittedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Optimistic concurrency token, incremented by the application on every change, so two annotators saving
    /// the same annotation cannot silently overwrite each other (works the same on SQLite and PostgreSQL).
    /// </summary>
    public int Version { get; set; }

    public List<Layer> Layers { get; set; } = [];
    public List<Label> Labels { get; set; } = [];
    public List<ClassificationChoice> ClassificationChoices { get; set; } = [];
    public List<ShareLink> ShareLinks { get; set; } = [];
}
