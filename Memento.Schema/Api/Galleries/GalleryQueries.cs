using Memento.Domain.Services.Galleries;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Galleries;

/// <summary>Gallery metadata is public; its pictures are found with the dataset search (<c>in_gallery</c>).</summary>
public sealed class GalleryQueries
{
    /// <summary>A gallery's title, description, owner and trusted users; NOT_FOUND when there is none.</summary>
    public Task<GalleryInfo> Gallery(long id, IResolveContext context, GalleryService galleries) =>
        galleries.GetAsync(ApiCaller.Of(context), id, context.CancellationToken);

    /// <summary>Every gallery, newest first; at most 100 a page.</summary>
    public async Task<GalleryPage> Galleries(IResolveContext context, GalleryService galleries, int offset = 0,
        int limit = 20)
    {
        var (items, total) = await galleries.ListAsync(ApiCaller.Of(context), offset, limit, context.CancellationToken);
        return new(items.ToList(), total);
    }
}
