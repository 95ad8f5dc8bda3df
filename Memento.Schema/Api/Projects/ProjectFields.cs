using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Loaders;
using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Labels;
using Memento.Domain.Services.Projects;

namespace Memento.Schema.Api.Projects;

/// <summary>Fields of a project beyond its columns.</summary>
[GraphQLExtends(typeof(ProjectInfo))]
public sealed class ProjectFields
{
    /// <summary>The categories the caller may see, by name; a category's members never see its siblings.</summary>
    [LoadsThroughDataLoader]
    public Task<List<CategoryInfo>> Categories([Parent] ProjectInfo project, IResolveContext context) =>
        CategoriesByProjectLoader.LoadAsync(context, project.Id);

    /// <summary>The project's annotation labels (its outcome vocabulary, the viewer's label buttons), by name.</summary>
    [LoadsThroughDataLoader]
    public Task<List<LabelInfo>> Labels([Parent] ProjectInfo project, IResolveContext context) =>
        LabelsByProjectLoader.LoadAsync(context, project.Id);
}
