namespace Memento.Domain.Data;

/// <summary>Turns stored relative paths into paths that are guaranteed to lie inside the data directory.</summary>
public static class DataPaths
{
    /// <summary>
    /// The full path of <paramref name="relative"/> under <paramref name="dataDirectory"/>, or null when it would
    /// leave it: absolute paths, "..", the data directory itself, or a symbolic link on the way that could point
    /// anywhere.
    /// </summary>
    public static string? Resolve(string dataDirectory, string relative)
    {
        if (Path.IsPathRooted(relative)) return null;
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return null;

        // Every directory between the root and the target must be a real directory, not a link.
        var current = root;
        var parts = full[(root.Length + 1)..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length - 1; i++)
        {
            current = Path.Combine(current, parts[i]);
            if (new DirectoryInfo(current).LinkTarget is not null) return null;
        }
        return full;
    }
}
