using Memento.GraphQL.Types;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Images;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Loaders;

/// <summary>Images by id (e.g. layer.image) for a whole level in one query; as ImageService.GetAsync, refusals included.</summary>
public static class ImageByIdLoader
{
    public static async Task<ImageInfo> LoadAsync(IResolveContext context, long imageId) =>
        (await LoaderRequest.Batch<long, Loaded<ImageInfo>>(context, nameof(ImageByIdLoader), FetchAsync)
            .LoadAsync(imageId))!.OrThrow();

    private static async Task<IReadOnlyDictionary<long, Loaded<ImageInfo>>> FetchAsync(LoaderRequest request,
        IReadOnlyList<long> imageIds, CancellationToken ct)
    {
        var ids = imageIds.ToList();
        // The visibility filter is the read check itself: what it returns is readable, the rest is refused.
        var rows = await request.Policy.VisibleImages(request.Caller).AsNoTracking()
            .Where(i => EF.Parameter(ids).Contains(i.Id)).Select(ImageService.ToInfo).ToDictionaryAsync(i => i.Id, ct);
        request.Policy.RememberReadable(ReadScope.Image, request.Caller, rows.Keys);
        return await request.AssembleAsync(imageIds, ReadScope.Image, id => id, rows.Keys.ToHashSet(), id => rows[id], ct);
    }
}
