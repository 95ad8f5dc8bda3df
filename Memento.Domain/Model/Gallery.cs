namespace Memento.Domain.Model;

/// <summary>A user's curated set of images; trusted users may add to it.</summary>
public class Gallery
{
    public long Id { get; set; }
    public long OwnerId { get; set; }
    public User Owner { get; set; } = null!;
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public List<Image> Images { get; set; } = [];
    public List<User> TrustedUsers { get; set; } = [];
}
