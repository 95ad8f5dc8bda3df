namespace Memento.Domain.Model;

/// <summary>
/// How many regions of one object type lie over an image (see <see cref="Image.RegionCount"/> for which regions).
/// A dataset query's "has: [cat]" is then one probe of this table per image — or, for a rare object, the short list
/// of images holding it — instead of a walk through layers and regions. Kept by database triggers (migration 0012);
/// never written by the application.
/// </summary>
public class ImageObject
{
    public long ImageId { get; set; }
    public string ObjectTypeId { get; set; } = "";
    public int RegionCount { get; set; }
}
