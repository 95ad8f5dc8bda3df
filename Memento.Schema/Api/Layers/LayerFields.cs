using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Loaders;
using Memento.Schema.Api.Regions;
using Memento.Domain.Services.Comments;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Layers;

namespace Memento.Schema.Api.Layers;

/// <summary>What a layer holds: its comments, its regions and the image it shows.</summary>
[GraphQLExtends(typeof(LayerInfo))]
public sealed class LayerFields
{
    /// <summary>The comments on the layer, oldest first.</summary>
    [LoadsThroughDataLoader]
    public Task<List<CommentInfo>> Comments([Parent] LayerInfo layer, IResolveContext context) =>
        CommentsByLayerLoader.LoadAsync(context, layer);

    /// <summary>The regions drawn on the layer, in the order they were saved.</summary>
    [LoadsThroughDataLoader]
    public Task<List<Region>> Regions([Parent] LayerInfo layer, IResolveContext context) =>
        RegionsByLayerLoader.LoadAsync(context, layer);

    /// <summary>The image the layer shows; null for groups and drawings without one.</summary>
    [LoadsThroughDataLoader]
    public async Task<ImageInfo?> Image([Parent] LayerInfo layer, IResolveContext context) =>
        layer.ImageId is { } id ? await ImageByIdLoader.LoadAsync(context, id) : null;
}
