using Memento.Domain.Services.Regions;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Regions;

/// <summary>What saveRegions did: the layer and its new version (the expectedVersion of the next save).</summary>
public sealed record RegionsPayload(long LayerId, int Version);

/// <summary>
/// The stored regions, read only when asked for: a client saving 100,000 regions in parts selects just the version.
/// </summary>
[GraphQLExtends(typeof(RegionsPayload))]
public sealed class RegionsPayloadFields
{
    /// <summary>Every region of the layer after the save, in the order saved.</summary>
    public async Task<List<Region>> Regions([Parent] RegionsPayload payload, IResolveContext context,
        RegionService regions) =>
        (await regions.ListAsync(ApiCaller.Of(context), payload.LayerId, context.CancellationToken))
            .Select(Region.Of).ToList();
}

/// <summary>The added region and its layer's new version.</summary>
public sealed record RegionPayload(Region Region, int Version);

/// <summary>The deleted region's id and its layer's new version.</summary>
public sealed record DeleteRegionPayload(long DeletedId, int Version);
