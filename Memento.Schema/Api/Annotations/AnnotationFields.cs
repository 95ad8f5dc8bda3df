using Memento.Domain.Model;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Layers;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Loaders;

namespace Memento.Schema.Api.Annotations;

/// <summary>Fields of an annotation beyond its columns.</summary>
[GraphQLExtends(typeof(AnnotationInfo))]
public sealed class AnnotationFields
{
    /// <summary>The labels set on the annotation, by name.</summary>
    [LoadsThroughDataLoader]
    public async Task<List<LabelName>> Labels([Parent] AnnotationInfo annotation, IResolveContext context) =>
        (await LabelsByAnnotationLoader.LoadAsync(context, annotation.Id)).Select(n => new LabelName(n)).ToList();
}
