namespace Memento.Domain.Services.Pictures;

/// <summary>
/// Copies an image's finished directory (its pyramid, thumbnail, statistics) into a new one, so a copied picture owns
/// its files: deleting either project removes only its own directory. Symbolic links are skipped, never followed,
/// so a planted link cannot pull files from outside the data directory into the copy.
/// </summary>
internal static class DirectoryCopy
{
    public static void Copy(string source, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(target);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            ct.ThrowIfCancellationRequested();
            if (entry.LinkTarget is not null) continue;
            var destination = Path.Combine(target, entry.Name);
            if (entry is DirectoryInfo directory) Copy(directory.FullName, destination, ct);
            else ((FileInfo)entry).CopyTo(destination, overwrite: false);
        }
    }
}
