using Memento.Domain.Services.Pictures;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Images;

namespace Memento.Schema.Api.Pictures;

public sealed class PictureMutations
{
    /// <summary>
    /// Uploads a picture into the configured dataset project (any signed-in user): an image ingested like every
    /// upload, with the caller's regions on a drawing layer of its dataset annotation. Unknown licences, natures and
    /// objects are refused by name.
    /// </summary>
    public async Task<PicturePayload> UploadPicture(UploadPictureInput input, IResolveContext context, PictureService pictures) =>
        new(await pictures.UploadAsync(ApiCaller.Of(context),
            new PictureMetadata(input.Title, input.Description, input.OriginUrl, input.Licences, input.Nature),
            new UploadedIncomingFile(input.File), input.Regions?.Select(r => r.ToDomain()).ToList(), context.CancellationToken));

    /// <summary>Changes a picture's metadata (its uploader and its project's administrators).</summary>
    public async Task<PicturePayload> UpdatePicture(UpdatePictureInput input, IResolveContext context, PictureService pictures) =>
        new(await pictures.UpdateAsync(ApiCaller.Of(context), input.Id,
            new PictureMetadata(input.Title, input.Description, input.OriginUrl, input.Licences, input.Nature),
            context.CancellationToken));

    /// <summary>Deletes a picture with its dataset annotation and files (its uploader and its project's administrators).</summary>
    public async Task<DeletePayload> DeletePicture(DeleteInput input, IResolveContext context, PictureService pictures)
    {
        await pictures.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }

    /// <summary>
    /// Replaces the caller's regions on a picture. In the dataset project any signed-in user who can search the
    /// picture annotates it (their own layer); elsewhere its uploader and the project's administrators.
    /// </summary>
    public async Task<PicturePayload> SetPictureRegions(SetPictureRegionsInput input, IResolveContext context, PictureService pictures) =>
        new(await pictures.SetRegionsAsync(ApiCaller.Of(context), input.Id,
            input.Regions.Select(r => r.ToDomain()).ToList(), context.CancellationToken));
}
