using Memento.Imaging.Tiles;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Services.Images;
using Memento.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Memento.Server.Jobs;

/// <summary>
/// <see cref="IImageFiles"/> for the API: uploads go through <see cref="ImageIngestQueue"/>, files live under the
/// data path in server-chosen directories, tile URLs are signed by <see cref="TileUrlSigner"/>.
/// </summary>
public sealed class ImageFiles(
    MementoDbContext db, ImageIngestQueue queue, TileUrlSigner signer, TileFileCache tileCache,
    IOptions<MementoOptions> options, IOptions<ImagingOptions> imaging, ILogger<ImageFiles> log) : IImageFiles
{
    public async Task EnqueueAsync(long imageId, IncomingFile file, CancellationToken ct)
    {
        var data = options.Value.DataPath;
        Directory.CreateDirectory(Path.Combine(data, "uploads"));
        var temporary = Path.Combine(data, "uploads", "incoming-" + Guid.NewGuid().ToString("N"));
        try
        {
            if (!file.TryMoveTo(temporary))
            {
                await using var source = file.OpenReadStream();
                await using var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await source.CopyToAsync(target, ct);
            }
            var image = await db.Images.SingleAsync(i => i.Id == imageId, ct);
            var previous = image.StorageDirectory;
            await queue.EnqueueAsync(db, image, temporary, ct);
            db.ChangeTracker.Clear();
            if (previous is not null) DeleteFiles(imageId, previous);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public Task<string?> StorageDirectoryAsync(long imageId, CancellationToken ct) =>
        db.Images.AsNoTracking().Where(i => i.Id == imageId).Select(i => i.StorageDirectory).SingleOrDefaultAsync(ct);

    public void DeleteFiles(long imageId, string? storageDirectory)
    {
        if (storageDirectory is null) return;
        var data = Path.GetFullPath(options.Value.DataPath);
        var full = Path.GetFullPath(Path.Combine(data, storageDirectory));
        // Only ever below the data path's images/ folder, whatever the column holds.
        if (!full.StartsWith(Path.Combine(data, "images") + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return;
        // This instance stops serving them at once; other instances' caches let go within TileFileCache.MaxAge.
        tileCache.ForgetDirectory(full);
        try
        {
            if (Directory.Exists(full)) Directory.Delete(full, recursive: true);
        }
        catch (IOException e)
        {
            // The record is gone and its URLs no longer resolve; a leftover directory only costs disk space.
            log.LogWarning(e, "Could not remove the files of image {ImageId}", imageId);
        }
    }

    public string SignedPrefix(long imageId, string storageDirectory, Caller caller) =>
        caller.ShareLinkId is { } link
            // Whoever reached the image through a link (even a signed-in user) gets URLs that die with the link.
            ? signer.SignForShareLink(imageId, TileUrlSigner.VersionOf(storageDirectory), link, caller.ShareLinkExpiresAt,
                imaging.Value.ShareTileUrlLifetime)
            : signer.Sign(imageId, TileUrlSigner.VersionOf(storageDirectory), imaging.Value.TileUrlLifetime);
}
