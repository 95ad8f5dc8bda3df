using Memento.Domain.Authorization;

namespace Memento.Domain.Services.Images;

/// <summary>
/// The host's side of an image's files that the domain cannot do itself: signing the URL prefix of its tiles.
/// Implemented in Memento.Server. Callers check permissions (through <see cref="ImageService"/>) first. Queueing,
/// replacing and deleting files belong to <see cref="ImageLifecycle"/>.
/// </summary>
public interface IImageFiles
{
    /// <summary>
    /// The signed, expiring prefix (ending in '/') under which the files in <paramref name="storageDirectory"/> are
    /// served; it names that directory's version, so a replaced file gets new URLs. For a caller holding a share
    /// link the prefix names the link and dies with it (revoked or expired); otherwise it lives the configured time.
    /// </summary>
    string SignedPrefix(long imageId, string storageDirectory, Caller caller);
}
