using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Loaders;
using Memento.Domain.Model;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Layers;

namespace Memento.Schema.Api.Annotations;

/// <summary>The annotation's first layer: a group (isGroup, imageId 0), an image layer, or else a drawing.</summary>
/// Optional fields are nullable because input-field defaults come only from nullability here: omitted means
/// imageId 0, settings "", sequence 1, parentId 0, isGroup false.
public sealed record FirstLayerInput(string Name, long? ImageId = null, string? Settings = null, int? Sequence = null,
    long? ParentId = null, bool? IsGroup = null)
{
    internal LayerSpec ToSpec()
    {
        var isGroup = IsGroup ?? false;
        var imageId = ImageId ?? 0;
        return new(Name, isGroup ? LayerKind.Group : imageId > 0 ? LayerKind.Image : LayerKind.Drawing,
            isGroup ? 0 : imageId, Settings ?? "", Sequence ?? 1, ParentId ?? 0);
    }
}

public sealed record CreateAnnotationInput(long CategoryId, string Name, FirstLayerInput Layer);
public sealed record AnnotationPayload(AnnotationInfo Annotation, LayerInfo? FirstLayer, bool Created);
public sealed record SubmitAnnotationInput(long Id);
public sealed record SetAnnotationLabelsInput(long AnnotationId, List<string> Labels);
public sealed record LabelName(string Name);

public sealed class AnnotationQueries
{
    public Task<AnnotationInfo> Annotation(long id, IResolveContext context, AnnotationService annotations) =>
        annotations.GetAsync(ApiCaller.Of(context), id, context.CancellationToken);

    public Task<AnnotationInfo?> AnnotationByName(long categoryId, string name, IResolveContext context,
        AnnotationService annotations) =>
        annotations.FindByNameAsync(ApiCaller.Of(context), categoryId, name, context.CancellationToken);
}

/// <summary>Fields of an annotation beyond its columns.</summary>
[GraphQLExtends(typeof(AnnotationInfo))]
public sealed class AnnotationFields
{
    /// <summary>The labels set on the annotation, by name.</summary>
    [LoadsThroughDataLoader]
    public async Task<List<LabelName>> Labels([Parent] AnnotationInfo annotation, IResolveContext context) =>
        (await LabelsByAnnotationLoader.LoadAsync(context, annotation.Id)).Select(n => new LabelName(n)).ToList();
}

public sealed class AnnotationMutations
{
    public Task<AnnotationPayload> CreateAnnotation(CreateAnnotationInput input, IResolveContext context,
        AnnotationService annotations, LayerService layers) =>
        Payload(annotations.CreateAsync(ApiCaller.Of(context), input.CategoryId, input.Name, input.Layer.ToSpec(),
            context.CancellationToken), context, layers);

    /// <summary>Returns the existing annotation with firstLayer null, or creates it with its first layer.</summary>
    [GraphQLName("getOrCreateAnnotation")]
    public Task<AnnotationPayload> GetOrCreateAnnotation(CreateAnnotationInput input, IResolveContext context,
        AnnotationService annotations, LayerService layers) =>
        Payload(annotations.GetOrCreateAsync(ApiCaller.Of(context), input.CategoryId, input.Name,
            input.Layer.ToSpec(), context.CancellationToken), context, layers);

    public async Task<AnnotationPayload> SubmitAnnotation(SubmitAnnotationInput input, IResolveContext context,
        AnnotationService annotations) =>
        new(await annotations.SubmitAsync(ApiCaller.Of(context), input.Id, context.CancellationToken), null, false);

    /// <summary>Replaces all labels of the annotation; every name must exist in the project.</summary>
    public async Task<AnnotationPayload> SetAnnotationLabels(SetAnnotationLabelsInput input, IResolveContext context,
        AnnotationService annotations)
    {
        var caller = ApiCaller.Of(context);
        await annotations.SetLabelsAsync(caller, input.AnnotationId, input.Labels, context.CancellationToken);
        return new(await annotations.GetAsync(caller, input.AnnotationId, context.CancellationToken), null, false);
    }

    public async Task<DeletePayload> DeleteAnnotation(DeleteInput input, IResolveContext context,
        AnnotationService annotations)
    {
        await annotations.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }

    private static async Task<AnnotationPayload> Payload(Task<AnnotationCreated> pending, IResolveContext context,
        LayerService layers)
    {
        var result = await pending;
        var layer = result.FirstLayerId is { } id
            ? await layers.GetAsync(ApiCaller.Of(context), id, context.CancellationToken) : null;
        return new(result.Annotation, layer, result.Created);
    }
}
