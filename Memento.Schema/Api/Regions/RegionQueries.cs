using System.Text.Json;
using Memento.Domain.Services.Regions;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Regions;

public sealed class RegionQueries
{
    /// <summary>The regions drawn on a layer, in the order they were saved.</summary>
    public async Task<List<Region>> Regions(long layerId, IResolveContext context, RegionService regions) =>
        (await regions.ListAsync(ApiCaller.Of(context), layerId, context.CancellationToken)).Select(Region.Of).ToList();
}
