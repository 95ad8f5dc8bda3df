using Memento.Imaging.Tiles;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Images;
using Microsoft.Extensions.Options;

namespace Memento.Server.Jobs;

/// <summary><see cref="IImageFiles"/> for the API: tile URLs are signed by <see cref="TileUrlSigner"/>.</summary>
public sealed class ImageFiles(TileUrlSigner signer, IOptions<ImagingOptions> imaging) : IImageFiles
{
    public string SignedPrefix(long imageId, string storageDirectory, Caller caller) =>
        caller.ShareLinkId is { } link
            // Whoever reached the image through a link (even a signed-in user) gets URLs that die with the link.
            ? signer.SignForShareLink(imageId, TileUrlSigner.VersionOf(storageDirectory), link, caller.ShareLinkExpiresAt,
                imaging.Value.ShareTileUrlLifetime)
            : signer.Sign(imageId, TileUrlSigner.VersionOf(storageDirectory), imaging.Value.TileUrlLifetime);
}
