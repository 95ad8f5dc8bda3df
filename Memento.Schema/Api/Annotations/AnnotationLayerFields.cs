using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Loaders;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Classifications;
using Memento.Domain.Services.Layers;

namespace Memento.Schema.Api.Annotations;

/// <summary>An annotation's layers and classification choices.</summary>
[GraphQLExtends(typeof(AnnotationInfo))]
public sealed class AnnotationLayerFields
{
    /// <summary>The layers in display order.</summary>
    [LoadsThroughDataLoader]
    public Task<List<LayerInfo>> Layers([Parent] AnnotationInfo annotation, IResolveContext context) =>
        LayersByAnnotationLoader.LoadAsync(context, annotation.Id);

    /// <summary>The classification choices recorded on the annotation.</summary>
    [LoadsThroughDataLoader]
    public Task<List<ClassificationPick>> Classifications([Parent] AnnotationInfo annotation, IResolveContext context) =>
        ClassificationChoicesByAnnotationLoader.LoadAsync(context, annotation.Id);
}
