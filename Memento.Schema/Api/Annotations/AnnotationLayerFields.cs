using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Services.Annotations;
using Memento.Schema.Services.Classifications;
using Memento.Schema.Services.Layers;

namespace Memento.Schema.Api.Annotations;

/// <summary>An annotation's layers and classification choices.</summary>
[GraphQLExtends(typeof(AnnotationInfo))]
public sealed class AnnotationLayerFields
{
    /// <summary>The layers in display order.</summary>
    public Task<List<LayerInfo>> Layers([Parent] AnnotationInfo annotation, IResolveContext context,
        LayerService layers) =>
        layers.ListAsync(ApiCaller.Of(context), annotation.Id, context.CancellationToken);

    /// <summary>The classification choices recorded on the annotation.</summary>
    public Task<List<ClassificationPick>> Classifications([Parent] AnnotationInfo annotation, IResolveContext context,
        ClassificationService classifications) =>
        classifications.ChoicesAsync(ApiCaller.Of(context), annotation.Id, context.CancellationToken);
}
