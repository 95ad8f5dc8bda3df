namespace Memento.Domain.Model;

/// <summary>One experiment: the top of the Project → Category → Annotation → Layer hierarchy.</summary>
public class Project
{
    public long Id { get; set; }
    /// <summary>Unique across the server; scripts find projects by name.</summary>
    public string Name { get; set; } = "";
    /// <summary>Null once the owning account has been deleted.</summary>
    public long? OwnerId { get; set; }
    public User? Owner { get; set; }
    /// <summary>The manual's comma-separated key:value settings string.</summary>
    public string Settings { get; set; } = "";
    public ProjectVisibility Visibility { get; set; } = ProjectVisibility.Private;
    public DateTimeOffset CreatedAt { get; set; }

    public List<Category> Categories { get; set; } = [];
    public List<Image> Images { get; set; } = [];
    public List<Label> Labels { get; set; } = [];
    public List<Classification> Classifications { get; set; } = [];
}
