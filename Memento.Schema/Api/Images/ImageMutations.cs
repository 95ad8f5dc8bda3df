using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Loaders;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Images;

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
