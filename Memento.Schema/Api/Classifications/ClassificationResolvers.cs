using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Services.Classifications;

namespace Memento.Schema.Api.Classifications;

/// <summary>A classification of a project; typeCode M (multiple choice) as the manual's default.</summary>
public sealed record CreateClassificationInput(long ProjectId, string Name, string? TypeCode = null, string? Data = null);
public sealed record ClassificationPayload(ClassificationInfo Classification, bool Created);
/// <summary>Replaces the classifications linked to a category with these names (all must exist in the project).</summary>
public sealed record LinkClassificationsInput(long CategoryId, List<string> Names);
public sealed record ClassificationListPayload(List<ClassificationInfo> Classifications);
public sealed record ClassificationChoiceInput(long ClassificationId, string? Option = null);
public sealed record ClassifyAnnotationInput(long AnnotationId, List<ClassificationChoiceInput> Choices);
public sealed record ClassifyAnnotationPayload(List<ClassificationPick> Choices);

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

public sealed class ClassificationMutations
{
    public async Task<ClassificationPayload> CreateClassification(CreateClassificationInput input,
        IResolveContext context, ClassificationService classifications) =>
        new(await classifications.CreateAsync(ApiCaller.Of(context), input.ProjectId, input.Name,
            input.TypeCode ?? "M", input.Data ?? "", context.CancellationToken), true);

    [GraphQLName("getOrCreateClassification")]
    public async Task<ClassificationPayload> GetOrCreateClassification(CreateClassificationInput input,
        IResolveContext context, ClassificationService classifications)
    {
        var (classification, created) = await classifications.GetOrCreateAsync(ApiCaller.Of(context),
            input.ProjectId, input.Name, input.TypeCode ?? "M", input.Data ?? "", context.CancellationToken);
        return new(classification, created);
    }

    public async Task<ClassificationListPayload> LinkClassifications(LinkClassificationsInput input,
        IResolveContext context, ClassificationService classifications) =>
        new(await classifications.SetForCategoryAsync(ApiCaller.Of(context), input.CategoryId, input.Names,
            context.CancellationToken));

    /// <summary>Records the caller's choices on an annotation, replacing the previous ones.</summary>
    public async Task<ClassifyAnnotationPayload> ClassifyAnnotation(ClassifyAnnotationInput input,
        IResolveContext context, ClassificationService classifications) =>
        new(await classifications.ClassifyAsync(ApiCaller.Of(context), input.AnnotationId,
            input.Choices.Select(c => new ClassificationPick(c.ClassificationId, c.Option ?? "")).ToList(),
            context.CancellationToken));

    public async Task<DeletePayload> DeleteClassification(DeleteInput input, IResolveContext context,
        ClassificationService classifications)
    {
        await classifications.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }
}
