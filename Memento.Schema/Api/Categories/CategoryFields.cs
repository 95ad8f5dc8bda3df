using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Services.Annotations;
using Memento.Schema.Services.Categories;
using Memento.Schema.Services.Classifications;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Categories;

/// <summary>Fields of a category beyond its columns.</summary>
[GraphQLExtends(typeof(CategoryInfo))]
public sealed class CategoryFields
{
    /// <summary>The annotations the caller may read, by name (an annotation participant sees only its own).</summary>
    public async Task<List<AnnotationInfo>> Annotations([Parent] CategoryInfo category, IResolveContext context,
        AnnotationService annotations) =>
        await (await annotations.ListAsync(ApiCaller.Of(context), category.Id, context.CancellationToken))
            .ToListAsync(context.CancellationToken);

    /// <summary>The classifications linked to the category.</summary>
    public Task<List<ClassificationInfo>> Classifications([Parent] CategoryInfo category, IResolveContext context,
        ClassificationService classifications) =>
        classifications.ForCategoryAsync(ApiCaller.Of(context), category.Id, context.CancellationToken);
}
