using Memento.Domain.Services.Galleries;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Galleries;

/// <summary>
/// Any signed-in user creates galleries; the owner (or a system administrator) edits and deletes them; the owner and
/// trusted users add and remove pictures they can read; the owner trusts users.
/// </summary>
public sealed class GalleryMutations
{
    public async Task<GalleryPayload> CreateGallery(CreateGalleryInput input, IResolveContext context, GalleryService galleries) =>
        new(await galleries.CreateAsync(ApiCaller.Of(context), input.Title, input.Description ?? "", context.CancellationToken));

    public async Task<GalleryPayload> UpdateGallery(UpdateGalleryInput input, IResolveContext context, GalleryService galleries) =>
        new(await galleries.EditAsync(ApiCaller.Of(context), input.Id, input.Title, input.Description ?? "",
            context.CancellationToken));

    public async Task<DeletePayload> DeleteGallery(DeleteInput input, IResolveContext context, GalleryService galleries)
    {
        await galleries.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }

    /// <summary>Adds a picture the caller can read (adding it again changes nothing).</summary>
    public async Task<GalleryPayload> AddPictureToGallery(GalleryPictureInput input, IResolveContext context,
        GalleryService galleries)
    {
        var caller = ApiCaller.Of(context);
        await galleries.AddPictureAsync(caller, input.Id, input.PictureId, context.CancellationToken);
        return new(await galleries.GetAsync(caller, input.Id, context.CancellationToken));
    }

    public async Task<GalleryPayload> RemovePictureFromGallery(GalleryPictureInput input, IResolveContext context,
        GalleryService galleries)
    {
        var caller = ApiCaller.Of(context);
        await galleries.RemovePictureAsync(caller, input.Id, input.PictureId, context.CancellationToken);
        return new(await galleries.GetAsync(caller, input.Id, context.CancellationToken));
    }

    /// <summary>The owner lets a user add and remove pictures.</summary>
    public async Task<GalleryPayload> TrustGalleryUser(GalleryUserInput input, IResolveContext context, GalleryService galleries) =>
        new(await galleries.TrustAsync(ApiCaller.Of(context), input.Id, input.Username, context.CancellationToken));

    public async Task<GalleryPayload> UntrustGalleryUser(GalleryUserInput input, IResolveContext context, GalleryService galleries) =>
        new(await galleries.UntrustAsync(ApiCaller.Of(context), input.Id, input.Username, context.CancellationToken));
}
