using Memento.Domain.Services.Regions;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Regions;

public sealed class RegionMutations
{
    /// <summary>
    /// Replaces every region of a drawing layer with these, as the viewer's Save does (or appends them, append:
    /// true). With expectedVersion, refused with CONFLICT when the layer changed since; nothing is written then.
    /// </summary>
    public async Task<RegionsPayload> SaveRegions(SaveRegionsInput input, IResolveContext context,
        RegionService regions) =>
        new(input.LayerId, await regions.WriteAsync(ApiCaller.Of(context), input.LayerId,
            input.Regions.Select(r => r.ToInput()).ToList(), input.ExpectedVersion, input.Append ?? false,
            context.CancellationToken));

    public async Task<RegionPayload> AddRegion(AddRegionInput input, IResolveContext context, RegionService regions)
    {
        var (region, version) = await regions.AddVersionedAsync(ApiCaller.Of(context), input.LayerId,
            input.Region.ToInput(), input.ExpectedVersion, context.CancellationToken);
        return new(Region.Of(region), version);
    }

    public async Task<DeleteRegionPayload> DeleteRegion(DeleteRegionInput input, IResolveContext context,
        RegionService regions) =>
        new(input.Id, await regions.DeleteVersionedAsync(ApiCaller.Of(context), input.Id, input.ExpectedVersion,
            context.CancellationToken));
}
