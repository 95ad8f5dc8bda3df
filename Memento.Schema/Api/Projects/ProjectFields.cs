using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Services.Categories;
using Memento.Schema.Services.Projects;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Projects;

/// <summary>Fields of a project beyond its columns.</summary>
[GraphQLExtends(typeof(ProjectInfo))]
public sealed class ProjectFields
{
    /// <summary>The categories the caller may see, by name; a category's members never see its siblings.</summary>
    public async Task<List<CategoryInfo>> Categories([Parent] ProjectInfo project, IResolveContext context,
        CategoryService categories) =>
        await (await categories.ListAsync(ApiCaller.Of(context), project.Id, context.CancellationToken))
            .ToListAsync(context.CancellationToken);
}
