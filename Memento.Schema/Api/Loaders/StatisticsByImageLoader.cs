using Memento.GraphQL.Types;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Loaders;

/// <summary>
/// image.statistics for every image of a level in one query: the per-channel statistics ingest stored, read only for
/// READY images the caller may read (the JSON column stays out of every other image query).
/// </summary>
public static class StatisticsByImageLoader
{
    public static async Task<List<ChannelStatisticsInfo>> LoadAsync(IResolveContext context, long imageId) =>
        (await LoaderRequest.Batch<long, Loaded<List<ChannelStatisticsInfo>>>(context, nameof(StatisticsByImageLoader),
            FetchAsync).LoadAsync(imageId))!.OrThrow();

    private static async Task<IReadOnlyDictionary<long, Loaded<List<ChannelStatisticsInfo>>>> FetchAsync(
        LoaderRequest request, IReadOnlyList<long> imageIds, CancellationToken ct)
    {
        var readable = await request.Policy.ReadableAsync(ReadScope.Image, request.Caller, imageIds, ct);
        var ids = readable.ToList();
        var rows = await request.Db.Images.AsNoTracking()
            .Where(i => EF.Parameter(ids).Contains(i.Id) && i.State == ImageProcessingState.Ready)
            .Select(i => new { i.Id, i.ChannelStatisticsJson }).ToDictionaryAsync(i => i.Id, i => i.ChannelStatisticsJson, ct);
        return await request.AssembleAsync(imageIds, ReadScope.Image, id => id, readable,
            id => ChannelStatisticsJson.Parse(rows.GetValueOrDefault(id)), ct);
    }
}
