namespace Memento.Domain.Model;

/// <summary>A user the gallery's owner trusts to add images to it.</summary>
public class GalleryTrustedUser
{
    public long GalleryId { get; set; }
    public long UserId { get; set; }
}
