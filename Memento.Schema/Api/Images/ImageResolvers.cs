using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Loaders;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Images;

/// <summary>
/// The manual's new_image / get_or_upload_image: format code 1-5, type '' (standard), 'T' (tiled) or 'E' (external:
/// <c>url</c> is stored, never fetched, and no file is read). Other types need <c>file</c>, the multipart upload.
/// </summary>
public sealed record UploadImageInput(long ProjectId, string Name, int Format, string? Type, string? Url,
    IUploadedFile? File);

/// <summary>
/// Null leaves a value unchanged; an empty originUrl or nature clears it; licences (SPDX ids) replaces them all.
/// </summary>
public sealed record UpdateImageMetadataInput(long Id, string? Name, string? Title, string? Description,
    string? OriginUrl, string? Nature, List<string>? Licences);

/// <summary>A new file for an image: processed again, its old tiles removed once the new ones are queued.</summary>
public sealed record ReplaceImageFileInput(long Id, IUploadedFile File, int? Format);

public sealed record ImagePayload(ImageInfo Image, bool Created);

public sealed class ImageQueries
{
    public Task<ImageInfo> Image(long id, IResolveContext context, ImageService images) =>
        images.GetAsync(ApiCaller.Of(context), id, context.CancellationToken);

    public Task<ImageInfo?> ImageByName(long projectId, string name, IResolveContext context, ImageService images) =>
        images.FindByNameAsync(ApiCaller.Of(context), projectId, name, context.CancellationToken);
}

/// <summary>
/// Signed file URLs, handed only to callers who could read the image (the image itself was permission-checked by
/// the query that returned it) and only once its files exist.
/// </summary>
[GraphQLExtends(typeof(ImageInfo))]
public sealed class ImageFields
{
    /// <summary>The Deep Zoom descriptor for the viewer; null until READY, and for external images.</summary>
    public string? DziUrl([Parent] ImageInfo image, IImageFiles files, IResolveContext context) =>
        Signed(image, files, context, "image.dzi");

    /// <summary>A small preview (at most 256 pixels a side); null until READY.</summary>
    public string? ThumbnailUrl([Parent] ImageInfo image, IImageFiles files, IResolveContext context) =>
        Signed(image, files, context, "thumbnail." + (image.Bands is 2 or 4 ? "png" : "jpg"));

    /// <summary>IIIF Image API 3.0 info.json, for any IIIF viewer; null until READY.</summary>
    public string? IiifInfoUrl([Parent] ImageInfo image, IImageFiles files, IResolveContext context) =>
        Signed(image, files, context, "iiif/info.json");

    /// <summary>The licences (SPDX ids) the image is offered under.</summary>
    [LoadsThroughDataLoader]
    public Task<List<string>> Licences([Parent] ImageInfo image, IResolveContext context) =>
        LicencesByImageLoader.LoadAsync(context, image.Id);

    // The caller decides the URL's lifetime: a share-link holder's URLs die with the link.
    private static string? Signed(ImageInfo image, IImageFiles files, IResolveContext context, string file) =>
        image.State == ImageProcessingState.Ready && image.Type != ImageType.External && image.StorageDirectory is { } directory
            ? files.SignedPrefix(image.Id, directory, ApiCaller.Of(context)) + file
            : null;
}

public sealed class ImageMutations
{
    public async Task<ImagePayload> UploadImage(UploadImageInput input, IResolveContext context, ImageService images,
        ImageLifecycle lifecycle)
    {
        var caller = ApiCaller.Of(context);
        var external = RequireFileOrUrl(input);
        var image = await images.CreateAsync(caller, input.ProjectId, input.Name, input.Format, input.Type,
            external ? input.Url : null, input.File?.FileName, context.CancellationToken);
        return new(external ? image : await IngestAsync(caller, image, input.File!, images, lifecycle, context), true);
    }

    /// <summary>The project's image with this name if it exists (the file is not read), else as uploadImage.</summary>
    [GraphQLName("getOrUploadImage")]
    public async Task<ImagePayload> GetOrUploadImage(UploadImageInput input, IResolveContext context,
        ImageService images, ImageLifecycle lifecycle)
    {
        var caller = ApiCaller.Of(context);
        var external = RequireFileOrUrl(input);
        var (image, created) = await images.GetOrCreateAsync(caller, input.ProjectId, input.Name, input.Format,
            input.Type, external ? input.Url : null, input.File?.FileName, context.CancellationToken);
        if (!created || external) return new(image, created);
        return new(await IngestAsync(caller, image, input.File!, images, lifecycle, context), true);
    }

    public async Task<ImagePayload> UpdateImageMetadata(UpdateImageMetadataInput input, IResolveContext context,
        ImageService images)
    {
        var caller = ApiCaller.Of(context);
        // Checked before anything is saved, so a bad URL does not leave the nature and licences half-applied.
        if (!string.IsNullOrWhiteSpace(input.OriginUrl)) ImageUrls.ExternalUrl(input.OriginUrl);
        await images.SetNatureAndLicencesAsync(caller, input.Id, input.Nature, input.Licences, context.CancellationToken);
        return new(await images.EditAsync(caller, input.Id, input.Name, input.Title, input.Description,
            context.CancellationToken, input.OriginUrl), false);
    }

    public async Task<ImagePayload> ReplaceImageFile(ReplaceImageFileInput input, IResolveContext context,
        ImageService images, ImageLifecycle lifecycle)
    {
        var caller = ApiCaller.Of(context);
        await lifecycle.BeginReplaceAsync(caller, input.Id, input.Format, context.CancellationToken);
        await lifecycle.QueueIngestAsync(input.Id, new UploadedIncomingFile(input.File), context.CancellationToken);
        return new(await images.GetAsync(caller, input.Id, context.CancellationToken), false);
    }

    /// <summary>Deletes the record, then its files (tiles, original) once the delete is committed.</summary>
    public async Task<DeletePayload> DeleteImage(DeleteInput input, IResolveContext context, ImageLifecycle lifecycle)
    {
        await lifecycle.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }

    private static bool RequireFileOrUrl(UploadImageInput input)
    {
        var external = ManualCodes.ParseImageType(input.Type) == ImageType.External;
        if (!external && input.File is null)
            throw MementoException.Validation("file", "Attach the image file (multipart upload), or use type 'E' with a url.");
        return external;
    }

    /// <summary>Queues the file; if that fails the new record is removed, so a retry with the same name works.</summary>
    private static async Task<ImageInfo> IngestAsync(Caller caller, ImageInfo image, IUploadedFile file,
        ImageService images, ImageLifecycle lifecycle, IResolveContext context)
    {
        try
        {
            await lifecycle.QueueIngestAsync(image.Id, new UploadedIncomingFile(file), context.CancellationToken);
        }
        catch
        {
            await lifecycle.DeleteAsync(caller, image.Id, CancellationToken.None);
            throw;
        }
        return await images.GetAsync(caller, image.Id, context.CancellationToken);
    }
}
