using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Loaders;
using Memento.Domain.Model;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Layers;

namespace Memento.Schema.Api.Annotations;

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

    /// <summary>Renames the annotation; the name must be free in its category.</summary>
    public async Task<AnnotationPayload> RenameAnnotation(RenameInput input, IResolveContext context,
        AnnotationService annotations) =>
        new(await annotations.RenameAsync(ApiCaller.Of(context), input.Id, input.Name, context.CancellationToken),
            null, false);

    /// <summary>Moves (reassigns) the annotation to another category of the same project, layers and all.</summary>
    public async Task<AnnotationPayload> MoveAnnotation(MoveAnnotationInput input, IResolveContext context,
        AnnotationService annotations) =>
        new(await annotations.MoveAsync(ApiCaller.Of(context), input.Id, input.CategoryId, context.CancellationToken),
            null, false);

    /// <summary>
    /// Marks the annotation reviewed (status S) by the caller. With labels, also replaces the annotation's labels
    /// (every name must exist in the project) in the same transaction: both happen or neither does.
    /// </summary>
    public async Task<AnnotationPayload> SubmitAnnotation(SubmitAnnotationInput input, IResolveContext context,
        AnnotationService annotations)
    {
        var caller = ApiCaller.Of(context);
        return new(input.Labels is { } labels
            ? await annotations.SubmitWithLabelsAsync(caller, input.Id, labels, context.CancellationToken)
            : await annotations.SubmitAsync(caller, input.Id, context.CancellationToken), null, false);
    }

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
