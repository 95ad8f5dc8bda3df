using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Loaders;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Classifications;

namespace Memento.Schema.Api.Categories;

/// <summary>Fields of a category beyond its columns.</summary>
[GraphQLExtends(typeof(CategoryInfo))]
public sealed class CategoryFields
{
    /// <summary>The annotations the caller may read, by name (an annotation participant sees only its own).</summary>
    [LoadsThroughDataLoader]
    public Task<List<AnnotationInfo>> Annotations([Parent] CategoryInfo category, IResolveContext context) =>
        AnnotationsByCategoryLoader.LoadAsync(context, category.Id);

    /// <summary>The classifications linked to the category.</summary>
    [LoadsThroughDataLoader]
    public Task<List<ClassificationInfo>> Classifications([Parent] CategoryInfo category, IResolveContext context) =>
        ClassificationsByCategoryLoader.LoadAsync(context, category.Id);
}
