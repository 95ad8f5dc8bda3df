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
}
