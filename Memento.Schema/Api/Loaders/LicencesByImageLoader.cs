using Memento.GraphQL.Types;
using Memento.Domain.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Loaders;

/// <summary>image.licences for every image of a level in one query; as ImageService.GetLicencesAsync.</summary>
public static class LicencesByImageLoader
{
    public static async Task<List<string>> LoadAsync(IResolveContext context, long imageId) =>
        (await LoaderRequest.Batch<long, Loaded<List<string>>>(context, nameof(LicencesByImageLoader), FetchAsync)
            .LoadAsync(imageId))!.OrThrow();

    private static async Task<IReadOnlyDictionary<long, Loaded<List<string>>>> FetchAsync(LoaderRequest request,
        IReadOnlyList<long> imageIds, CancellationToken ct)
    {
        var readable = await request.Policy.ReadableAsync(ReadScope.Image, request.Caller, imageIds, ct);
        var ids = readable.ToList();
        var rows = await request.Db.ImageLicences.AsNoTracking().Where(l => EF.Parameter(ids).Contains(l.ImageId))
            .OrderBy(l => l.LicenceId).Select(l => new { l.ImageId, l.LicenceId }).ToListAsync(ct);
        var groups = rows.ToLookup(r => r.ImageId, r => r.LicenceId);
        return await request.AssembleAsync(imageIds, ReadScope.Image, id => id, readable, id => groups[id].ToList(), ct);
    }
}
