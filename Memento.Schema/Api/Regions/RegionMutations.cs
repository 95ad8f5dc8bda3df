using System.Text.Json;
using Memento.Domain.Services.Regions;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Regions;

public sealed class RegionMutations
{
    /// <summary>Replaces every region of a drawing layer with these, as the viewer's Save does.</summary>
    public async Task<RegionsPayload> SaveRegions(SaveRegionsInput input, IResolveContext context,
        RegionService regions) =>
        new((await regions.SaveAsync(ApiCaller.Of(context), input.LayerId,
            input.Regions.Select(r => r.ToInput()).ToList(), context.CancellationToken)).Select(Region.Of).ToList());

    public async Task<RegionPayload> AddRegion(AddRegionInput input, IResolveContext context, RegionService regions) =>
        new(Region.Of(await regions.AddAsync(ApiCaller.Of(context), input.LayerId, input.Region.ToInput(),
            context.CancellationToken)));

    public async Task<DeletePayload> DeleteRegion(DeleteInput input, IResolveContext context, RegionService regions)
    {
        await regions.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }
}
