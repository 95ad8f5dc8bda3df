using Memento.Domain.Services.Categories;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Categories;

public sealed class CategoryQueries
{
    public Task<CategoryInfo> Category(long id, IResolveContext context, CategoryService categories) =>
        categories.GetAsync(ApiCaller.Of(context), id, context.CancellationToken);

    /// <summary>The category with this name in the project, or null when absent or not visible.</summary>
    public Task<CategoryInfo?> CategoryByName(long projectId, string name, IResolveContext context,
        CategoryService categories) =>
        categories.FindByNameAsync(ApiCaller.Of(context), projectId, name, context.CancellationToken);
}
