using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Model;
using Memento.Domain.Services.Layers;

namespace Memento.Schema.Api.Layers;

/// <summary>Omitted fields mean: kind IMAGE, imageId 0, settings "", sequence -1 (append), parentId 0 (top level).</summary>
public sealed record CreateLayerInput(long AnnotationId, string Name, LayerKind? Kind = null, long? ImageId = null,
    string? Settings = null, int? Sequence = null, long? ParentId = null)
{
    internal LayerSpec ToSpec() =>
        new(Name, Kind ?? LayerKind.Image, ImageId ?? 0, Settings ?? "", Sequence ?? -1, ParentId ?? 0);
}

public sealed record EditLayerInput(long Id, string? Name = null, long? ImageId = null, string? Settings = null,
    int? Sequence = null, long? ParentId = null);
public sealed record LayerPayload(LayerInfo Layer);
public sealed record GetOrCreateLayerPayload(LayerInfo Layer, bool Created);

public sealed class LayerQueries
{
    public Task<LayerInfo> Layer(long id, IResolveContext context, LayerService layers) =>
        layers.GetAsync(ApiCaller.Of(context), id, context.CancellationToken);

    public Task<LayerInfo?> LayerByName(long annotationId, string name, IResolveContext context, LayerService layers) =>
        layers.FindByNameAsync(ApiCaller.Of(context), annotationId, name, context.CancellationToken);
}

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
