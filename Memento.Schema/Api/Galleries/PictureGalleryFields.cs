using Memento.Domain.Datasets;
using Memento.Domain.Services.Galleries;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Galleries;

[GraphQLExtends(typeof(Picture))]
public sealed class PictureGalleryFields
{
    /// <summary>The galleries holding the picture, by title.</summary>
    public async Task<List<GalleryInfo>> Galleries([Parent] Picture picture, IResolveContext context, GalleryService galleries) =>
        (await galleries.ForPictureAsync(ApiCaller.Of(context), picture.Id, context.CancellationToken)).ToList();
}
