namespace Memento.Imaging.Tiles;

/// <summary>
/// Finds the directory of a ready image. Implementations cache, so that serving tiles costs no database round-trip
/// per tile; the files of one version never change once ready (a new file is a new version in a new directory).
/// </summary>
public interface ITileDirectoryResolver
{
    /// <summary>The absolute directory of this version of a ready image, or null when there is none.</summary>
    ValueTask<string?> ResolveAsync(long imageId, string version, CancellationToken ct);
}
