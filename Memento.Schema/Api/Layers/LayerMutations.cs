using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Model;
using Memento.Domain.Services.Layers;

namespace Memento.Schema.Api.Layers;

public sealed class LayerMutations
{
    public async Task<LayerPayload> CreateLayer(CreateLayerInput input, IResolveContext context, LayerService layers) =>
        new(await layers.CreateAsync(ApiCaller.Of(context), input.AnnotationId, input.ToSpec(), context.CancellationToken));

    [GraphQLName("getOrCreateLayer")]
    public async Task<GetOrCreateLayerPayload> GetOrCreateLayer(CreateLayerInput input, IResolveContext context,
        LayerService layers)
    {
        var (layer, created) = await layers.GetOrCreateAsync(ApiCaller.Of(context), input.AnnotationId,
            input.ToSpec(), context.CancellationToken);
        return new(layer, created);
    }

    public async Task<LayerPayload> EditLayer(EditLayerInput input, IResolveContext context, LayerService layers) =>
        new(await layers.EditAsync(ApiCaller.Of(context), input.Id,
            new LayerEdit(input.Name, input.ImageId, input.Settings, input.Sequence, input.ParentId),
            context.CancellationToken));

    public async Task<DeletePayload> DeleteLayer(DeleteInput input, IResolveContext context, LayerService layers)
    {
        await layers.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }
}
