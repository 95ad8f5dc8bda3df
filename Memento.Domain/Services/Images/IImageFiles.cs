using Memento.Domain.Authorization;

namespace Memento.Domain.Services.Images;

/// <summary>
/// The host's side of an image's files, which the API cannot reach directly: hands an upload to background ingest,
/// removes an image's directory, and signs the URL prefix of its tiles. Implemented in Memento.Server.
/// Callers check permissions (through <see cref="ImageService"/>) before calling any of these.
/// </summary>
public interface IImageFiles
{
    /// <summary>
    /// Streams <paramref name="file"/> to a server-chosen name and queues its ingest; the image becomes Processing.
    /// Files of a previous version of the image are removed once the new job is committed.
    /// </summary>
    Task EnqueueAsync(long imageId, IncomingFile file, CancellationToken ct);

    /// <summary>The image's directory (relative to the data path), read before the record is deleted.</summary>
    Task<string?> StorageDirectoryAsync(long imageId, CancellationToken ct);

    /// <summary>Removes a deleted image's files; called after the delete is committed.</summary>
    void DeleteFiles(long imageId, string? storageDirectory);

    /// <summary>
    /// The signed, expiring prefix (ending in '/') under which the files in <paramref name="storageDirectory"/> are
    /// served; it names that directory's version, so a replaced file gets new URLs. For a caller holding a share
    /// link the prefix names the link and dies with it (revoked or expired); otherwise it lives the configured time.
    /// </summary>
    string SignedPrefix(long imageId, string storageDirectory, Caller caller);
}
