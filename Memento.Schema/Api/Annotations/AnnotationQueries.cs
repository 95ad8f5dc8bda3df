using Memento.Domain.Model;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Layers;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Loaders;

namespace Memento.Schema.Api.Annotations;

public sealed class AnnotationQueries
{
    public Task<AnnotationInfo> Annotation(long id, IResolveContext context, AnnotationService annotations) =>
        annotations.GetAsync(ApiCaller.Of(context), id, context.CancellationToken);

    public Task<AnnotationInfo?> AnnotationByName(long categoryId, string name, IResolveContext context,
        AnnotationService annotations) =>
        annotations.FindByNameAsync(ApiCaller.Of(context), categoryId, name, context.CancellationToken);

    /// <summary>
    /// The viewer's Next: the project's next annotation after <paramref name="after"/> that is not submitted yet and
    /// that the caller may label, in the sidebar's order (category name, annotation name), wrapping round to the
    /// start; null when none is left. Optionally within one category.
    /// </summary>
    public Task<AnnotationInfo?> NextAnnotation(long projectId, long? after, long? categoryId, IResolveContext context,
        AnnotationService annotations) =>
        annotations.NextAsync(ApiCaller.Of(context), projectId, after, categoryId, context.CancellationToken);
}
