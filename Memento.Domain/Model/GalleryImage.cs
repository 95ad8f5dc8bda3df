namespace Memento.Domain.Model;

/// <summary>An image placed in a gallery.</summary>
public class GalleryImage
{
    public long GalleryId { get; set; }
    public long ImageId { get; set; }
}
