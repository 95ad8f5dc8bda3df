using Memento.Domain.Authorization;
using Memento.Domain.Model;

namespace Memento.Domain.Services.Images;

/// <summary>
/// Adding an image with its file in one step, as the API's uploadImage and the project editor's upload form both do:
/// the record (or an external URL's Ready record), then the file queued for conversion. When queueing fails the new
/// record is removed again, so a retry with the same name works.
/// </summary>
public sealed class ImageUploads(ImageService images, ImageLifecycle lifecycle)
{
    public async Task<ImageInfo> UploadAsync(Caller caller, long projectId, string name, int formatCode,
        string? typeCode, string? externalUrl, IncomingFile? file, CancellationToken ct = default)
    {
        var external = RequireFileOrUrl(typeCode, file);
        var image = await images.CreateAsync(caller, projectId, name, formatCode, typeCode,
            external ? externalUrl : null, file?.FileName, ct);
        return external ? image : await QueueNewAsync(caller, image, file!, ct);
    }

    /// <summary>A file-backed image needs its file; an external one ('E') needs none (its URL is checked on create).</summary>
    public static bool RequireFileOrUrl(string? typeCode, IncomingFile? file)
    {
        var external = ManualCodes.ParseImageType(typeCode) == ImageType.External;
        if (!external && file is null)
            throw MementoException.Validation("file", "Attach the image file (multipart upload), or use type 'E' with a url.");
        return external;
    }

    /// <summary>Queues the file of a just-created record; if that fails the record is removed.</summary>
    public async Task<ImageInfo> QueueNewAsync(Caller caller, ImageInfo image, IncomingFile file, CancellationToken ct = default)
    {
        try
        {
            await lifecycle.QueueIngestAsync(image.Id, file, ct);
        }
        catch
        {
            await lifecycle.DeleteAsync(caller, image.Id, CancellationToken.None);
            throw;
        }
        return await images.GetAsync(caller, image.Id, ct);
    }

    /// <summary>A new file for an existing image (a new version; the old files go once the new one is queued).</summary>
    public async Task<ImageInfo> ReplaceAsync(Caller caller, long id, int? formatCode, IncomingFile file,
        CancellationToken ct = default)
    {
        await lifecycle.BeginReplaceAsync(caller, id, formatCode, ct);
        await lifecycle.QueueIngestAsync(id, file, ct);
        return await images.GetAsync(caller, id, ct);
    }
}
