using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Services.Categories;

namespace Memento.Schema.Api.Categories;

public sealed class CategoryMutations
{
    public async Task<CategoryPayload> CreateCategory(CreateCategoryInput input, IResolveContext context,
        CategoryService categories) =>
        new(await categories.CreateAsync(ApiCaller.Of(context), input.ProjectId, input.Name, input.Settings,
            context.CancellationToken));

    [GraphQLName("getOrCreateCategory")]
    public async Task<GetOrCreateCategoryPayload> GetOrCreateCategory(CreateCategoryInput input,
        IResolveContext context, CategoryService categories)
    {
        var (category, created) = await categories.GetOrCreateAsync(ApiCaller.Of(context), input.ProjectId,
            input.Name, input.Settings, context.CancellationToken);
        return new(category, created);
    }

    public async Task<CategoryPayload> RenameCategory(RenameInput input, IResolveContext context,
        CategoryService categories) =>
        new(await categories.RenameAsync(ApiCaller.Of(context), input.Id, input.Name, context.CancellationToken));

    public async Task<CategoryPayload> SetCategorySettings(SetSettingsInput input, IResolveContext context,
        CategoryService categories) =>
        new(await categories.SetSettingsAsync(ApiCaller.Of(context), input.Id, input.Settings, context.CancellationToken));

    public async Task<DeletePayload> DeleteCategory(DeleteInput input, IResolveContext context,
        CategoryService categories)
    {
        await categories.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }
}
