using Memento.Domain.Services.Classifications;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Classifications;

public sealed class ClassificationQueries
{
    /// <summary>The project's classification with this name, or null (scripts look classifications up by name).</summary>
    public Task<ClassificationInfo?> ClassificationByName(long projectId, string name, IResolveContext context,
        ClassificationService classifications) =>
        classifications.FindByNameAsync(ApiCaller.Of(context), projectId, name, context.CancellationToken);

    /// <summary>The classifications linked to a category (the choices its annotators see).</summary>
    public Task<List<ClassificationInfo>> CategoryClassifications(long categoryId, IResolveContext context,
        ClassificationService classifications) =>
        classifications.ForCategoryAsync(ApiCaller.Of(context), categoryId, context.CancellationToken);

    /// <summary>The choices recorded on an annotation.</summary>
    public Task<List<ClassificationPick>> AnnotationClassifications(long annotationId, IResolveContext context,
        ClassificationService classifications) =>
        classifications.ChoicesAsync(ApiCaller.Of(context), annotationId, context.CancellationToken);
}
