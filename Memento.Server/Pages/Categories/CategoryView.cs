using Memento.Domain.Authorization;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Classifications;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Projects;
using Microsoft.EntityFrameworkCore;

namespace Memento.Server.Pages.Categories;

/// <summary>Everything the category editor shows, read through the domain services with the caller's rights.</summary>
public sealed record CategoryView(
    CategoryInfo Category,
    ProjectInfo Project,
    List<ClassificationInfo> Classifications,
    HashSet<long> Linked,
    List<CategoryInfo> OtherCategories,
    List<AnnotationInfo> Annotations,
    bool MoreAnnotations,
    ListPosition Position,
    ImageChoices Images)
{
    public string Url => $"/categories/{Category.Id}";
}

/// <summary>One search of the project's READY images for a picker, at most <see cref="Limit"/> shown.</summary>
public sealed record ImageChoices(List<ImageInfo> Items, bool HasMore, string? Search)
{
    public const int Limit = 50;
}

/// <summary>Loads <see cref="CategoryView"/>: only the project's administrators get one (403 for anyone else).</summary>
public sealed class CategoryViews(CategoryService categories, ProjectService projects,
    ClassificationService classifications, AnnotationService annotations, ImageService images, AccessPolicy policy)
{
    /// <summary>The category, once the caller is known to administer its project.</summary>
    public async Task<CategoryInfo> RequireAdministeredAsync(Caller caller, long id, CancellationToken ct)
    {
        // Reading first: an outsider gets the same refusal as from the API's category(id), a reader the 403 below.
        var category = await categories.GetAsync(caller, id, ct);
        await policy.RequireAdministerProjectAsync(caller, category.ProjectId, ct);
        return category;
    }

    public async Task<CategoryView> LoadAsync(Caller caller, long id, ListPosition position, string? imageSearch,
        CancellationToken ct)
    {
        var category = await RequireAdministeredAsync(caller, id, ct);
        var project = await projects.GetAsync(caller, category.ProjectId, ct);
        var all = await classifications.ListAsync(caller, category.ProjectId, ct);
        var linked = (await classifications.ForCategoryAsync(caller, id, ct)).Select(c => c.Id).ToHashSet();
        // A project has a handful of categories (the move targets); the list is capped all the same.
        var others = (await (await categories.ListAsync(caller, category.ProjectId, ct)).Take(500).ToListAsync(ct))
            .Where(c => c.Id != id).ToList();
        var (rows, more) = await annotations.PageAsync(caller, id, position.Search, position.Skip, ListPosition.PageSize, ct);
        return new CategoryView(category, project, all, linked, others, rows, more, position,
            await ImagesAsync(caller, category.ProjectId, imageSearch, ct));
    }

    public async Task<ImageChoices> ImagesAsync(Caller caller, long projectId, string? search, CancellationToken ct)
    {
        var (items, more) = await images.ReadyAsync(caller, projectId, search, ImageChoices.Limit, ct);
        return new ImageChoices(items, more, search);
    }
}
