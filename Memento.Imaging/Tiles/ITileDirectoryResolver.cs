namespace Memento.Imaging.Tiles;

/// <summary>
/// Finds the directory of a ready image. Implementations cache, so that serving tiles costs no database round-trip
/// per tile; an image's directory never changes once it is ready.
/// </summary>
public interface ITileDirectoryResolver
{
    /// <summary>The absolute directory of a ready image, or null when there is none.</summary>
    ValueTask<string?> ResolveAsync(long imageId, CancellationToken ct);
}
