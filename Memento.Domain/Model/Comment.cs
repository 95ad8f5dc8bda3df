namespace Memento.Domain.Model;

/// <summary>A free-text note on a layer, visible to all participants.</summary>
public class Comment
{
    public long Id { get; set; }
    public long LayerId { get; set; }
    public Layer Layer { get; set; } = null!;
    /// <summary>Null once the author's account has been deleted; the comment stays.</summary>
    public long? AuthorId { get; set; }
    public User? Author { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
}
