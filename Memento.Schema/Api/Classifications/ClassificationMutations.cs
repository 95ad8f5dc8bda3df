using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Services.Classifications;

namespace Memento.Schema.Api.Classifications;

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

    /// <summary>
    /// Records the caller's choices on an annotation, replacing the caller's previous ones; other annotators'
    /// choices stay. Returns the caller's choices.
    /// </summary>
    public async Task<ClassifyAnnotationPayload> ClassifyAnnotation(ClassifyAnnotationInput input,
        IResolveContext context, ClassificationService classifications) =>
        new(await classifications.ClassifyAsync(ApiCaller.Of(context), input.AnnotationId,
            input.Choices.Select(c => new ClassificationPick(c.ClassificationId, c.Option ?? "")).ToList(),
            context.CancellationToken));

    /// <summary>Renames the classification; choices already made keep it. CONFLICT when the project has one of that name.</summary>
    public async Task<ClassificationPayload> RenameClassification(RenameInput input, IResolveContext context,
        ClassificationService classifications) =>
        new(await classifications.RenameAsync(ApiCaller.Of(context), input.Id, input.Name, context.CancellationToken), false);

    public async Task<DeletePayload> DeleteClassification(DeleteInput input, IResolveContext context,
        ClassificationService classifications)
    {
        await classifications.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }
}
