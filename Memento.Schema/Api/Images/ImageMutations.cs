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
    public async Task<ImagePayload> UploadImage(UploadImageInput input, IResolveContext context, ImageUploads uploads) =>
        new(await uploads.UploadAsync(ApiCaller.Of(context), input.ProjectId, input.Name, input.Format, input.Type,
            input.Url, input.File is null ? null : new UploadedIncomingFile(input.File), context.CancellationToken), true);

    /// <summary>The project's image with this name if it exists (the file is not read), else as uploadImage.</summary>
    [GraphQLName("getOrUploadImage")]
    public async Task<ImagePayload> GetOrUploadImage(UploadImageInput input, IResolveContext context,
        ImageService images, ImageUploads uploads)
    {
        var caller = ApiCaller.Of(context);
        var file = input.File is null ? null : new UploadedIncomingFile(input.File);
        var external = ImageUploads.RequireFileOrUrl(input.Type, file);
        var (image, created) = await images.GetOrCreateAsync(caller, input.ProjectId, input.Name, input.Format,
            input.Type, external ? input.Url : null, input.File?.FileName, context.CancellationToken);
        if (!created || external) return new(image, created);
        return new(await uploads.QueueNewAsync(caller, image, file!, context.CancellationToken), true);
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
        ImageUploads uploads) =>
        new(await uploads.ReplaceAsync(ApiCaller.Of(context), input.Id, input.Format, new UploadedIncomingFile(input.File),
            context.CancellationToken), false);

    /// <summary>Deletes the record, then its files (tiles, original) once the delete is committed.</summary>
    public async Task<DeletePayload> DeleteImage(DeleteInput input, IResolveContext context, ImageLifecycle lifecycle)
    {
        await lifecycle.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }
}
