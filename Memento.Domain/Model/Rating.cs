namespace Memento.Domain.Model;

/// <summary>One user's 1-5 star rating of an image; one per user and image.</summary>
public class Rating
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public User User { get; set; } = null!;
    public long ImageId { get; set; }
    public Image Image { get; set; } = null!;
    public int Stars { get; set; }
    public DateTimeOffset RatedAt { get; set; }
}
