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

    /// <summary>
    /// The bit depth the viewer windows this layer's channel in (its intensity slider ends at 2ⁿ−1): the layer's
    /// bitDepth setting (a 12-bit camera stored in 16-bit files), else its image's own bit depth; null for groups,
    /// drawings and images not yet measured.
    /// </summary>
    [LoadsThroughDataLoader]
    public async Task<int?> BitDepth([Parent] LayerInfo layer, IResolveContext context) =>
        layer.Kind != Memento.Domain.Model.LayerKind.Image ? null
        : LayerSettings.BitDepth(layer.Settings)
          ?? (layer.ImageId is { } id ? (await ImageByIdLoader.LoadAsync(context, id)).BitDepth : null);
}
