using System.Globalization;
using Memento.Domain.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Memento.Domain.Services.Images;

/// <summary>
/// Where an image's files live under the data directory, and the one way to delete them. An upload and the
/// directory its pyramid goes to share one server-chosen name: <c>uploads/{name}</c> becomes
/// <c>images/{project}/{name}</c>, so a job's upload tells which version of the image it converts.
/// </summary>
public sealed class ImageDirectories(string dataDirectory, Action<string>? forget = null, ILogger<ImageDirectories>? logger = null)
{
    private const string Images = "images";
    private const string Uploads = "uploads";
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>A fresh version of an image of <paramref name="projectId"/>: its upload name and its directory, relative.</summary>
    public (string Upload, string Directory) NewVersion(long projectId)
    {
        var name = Guid.NewGuid().ToString("N");
        return (Path.Combine(Uploads, name), Path.Combine(Images, projectId.ToString(CultureInfo.InvariantCulture), name));
    }

    /// <summary>The directory of a project's images (it holds nothing else).</summary>
    public static string ProjectDirectory(long projectId) => Path.Combine(Images, projectId.ToString(CultureInfo.InvariantCulture));

    /// <summary>True when the upload <paramref name="upload"/> is the source of the version in <paramref name="directory"/>.</summary>
    public static bool SameVersion(string? directory, string upload) =>
        directory is not null && Path.GetFileName(directory) == Path.GetFileName(upload);

    /// <summary>The full path of a stored relative path; throws when it would leave the data directory.</summary>
    public string Full(string relative) => DataPaths.Resolve(dataDirectory, relative)
        ?? throw new InvalidOperationException($"'{relative}' is not inside the data directory.");

    /// <summary>The full path of an upload, its folder created.</summary>
    public string UploadPath(string relative)
    {
        Directory.CreateDirectory(Path.Combine(dataDirectory, Uploads));
        return Full(relative);
    }

    /// <summary>Removes a file of an upload that no job will read any more; a missing file is not an error.</summary>
    public void DiscardUpload(string relative)
    {
        try
        {
            if (DataPaths.Resolve(dataDirectory, relative) is { } full && full.StartsWith(Full(Uploads) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                File.Delete(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The orphaned-files cleaner removes it later; nothing refers to it.
            _logger.LogWarning(e, "Could not remove upload {Upload}", relative);
        }
    }

    /// <summary>
    /// Deletes an image's or a project's directory. Refused (false, nothing touched) unless it lies strictly inside
    /// <c>images/</c> with no symbolic link on the way, whatever the database column holds; a link in the directory's
    /// own place is unlinked, never followed. The tile cache is told to forget the directory first, so this instance
    /// stops serving it at once. Never throws for the file system: the rows are gone already, and a leftover
    /// directory only costs disk space.
    /// </summary>
    public bool Delete(string? relative)
    {
        if (string.IsNullOrWhiteSpace(relative)) return false; // external images have no files
        // "images/" resolves to the folder itself plus a separator: trimmed, it is refused like "images".
        var full = DataPaths.Resolve(dataDirectory, relative) is { } resolved ? Path.TrimEndingDirectorySeparator(resolved) : null;
        var images = DataPaths.Resolve(dataDirectory, Images);
        if (full is null || images is null || !full.StartsWith(images + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            _logger.LogWarning("Not deleting {Directory}: it is not inside the images directory", relative);
            return false;
        }
        try
        {
            forget?.Invoke(full);
            var info = new DirectoryInfo(full);
            if (info.LinkTarget is not null) info.Delete(); // the link itself, never its target
            else if (info.Exists) info.Delete(recursive: true); // .NET unlinks nested links instead of following them
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "Could not delete image directory {Directory}", relative);
            return false;
        }
    }
}
