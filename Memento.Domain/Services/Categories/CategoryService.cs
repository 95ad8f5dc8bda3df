using System.Linq.Expressions;
using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Events;
using Memento.Domain.Model;
using Memento.Domain.Services.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Categories;

/// <summary>Categories of a project: lookup, the visible list, create / getOrCreate, rename, settings, delete.</summary>
public sealed class CategoryService(MementoDbContext db, AccessPolicy policy, ContainerDeletion deletion,
    TimeProvider clock, IDomainEvents events)
{
    /// <summary>The read model as one SQL projection, for the API's batched loaders too.</summary>
    public static readonly Expression<Func<Category, CategoryInfo>> ToInfo =
        c => new CategoryInfo(c.Id, c.ProjectId, c.Name, c.Settings, c.CreatedAt);

    public async Task<CategoryInfo> GetAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await policy.RequireReadCategoryAsync(caller, id, ct);
        return await db.Categories.AsNoTracking().Where(c => c.Id == id).Select(ToInfo).SingleAsync(ct);
    }

    /// <summary>The category with this name in the project, or null when absent or not visible to the caller.</summary>
    public async Task<CategoryInfo?> FindByNameAsync(Caller caller, long projectId, string name,
        CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, projectId, ct);
        return await policy.VisibleCategories(caller, projectId).AsNoTracking().Where(c => c.Name == name.Trim())
            .Select(ToInfo).SingleOrDefaultAsync(ct);
    }

    /// <summary>Only the categories the caller may see; a category participant never sees its siblings.</summary>
    public async Task<IQueryable<CategoryInfo>> ListAsync(Caller caller, long projectId, CancellationToken ct = default)
    {
        await policy.RequireReadProjectAsync(caller, projectId, ct);
        return policy.VisibleCategories(caller, projectId).AsNoTracking().OrderBy(c => c.Name).Select(ToInfo);
    }

    public async Task<CategoryInfo> CreateAsync(Caller caller, long projectId, string name, string? settings = "",
        CancellationToken ct = default)
    {
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        var category = New(projectId, name, settings);
        await Saving.AddAsync(db, category, $"The project already has a category named '{category.Name}'.", ct);
        return await GetAsync(caller, category.Id, ct);
    }

    public async Task<(CategoryInfo Category, bool Created)> GetOrCreateAsync(Caller caller, long projectId,
        string name, string? settings = "", CancellationToken ct = default)
    {
        var cleanName = Inputs.Name(name);
        Task<long?> Find(CancellationToken token) => db.Categories
            .Where(c => c.ProjectId == projectId && c.Name == cleanName).Select(c => (long?)c.Id)
            .SingleOrDefaultAsync(token);
        // Reading an existing category needs read access to it; creating one needs the project's administrator.
        if (await Find(ct) is null) await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        var (id, created) = await Saving.GetOrCreateAsync(db, Find, () => New(projectId, cleanName, settings),
            c => c.Id, ct);
        return (await GetAsync(caller, id, ct), created);
    }

    public Task<CategoryInfo> RenameAsync(Caller caller, long id, string name, CancellationToken ct = default) =>
        UpdateAsync(caller, id, c => c.Name = Inputs.Name(name), ct);

    public Task<CategoryInfo> SetSettingsAsync(Caller caller, long id, string? settings, CancellationToken ct = default) =>
        UpdateAsync(caller, id, c => c.Settings = CategorySettings.Validate(settings), ct);

    /// <summary>Deletes the category with all its annotations (and their layers, comments, regions, roles).</summary>
    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var projectId = await ProjectOfAsync(caller, id, ct);
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        if (!await deletion.DeleteCategoryAsync(id, ct)) throw MementoException.NotFound("Category", id);
        policy.Invalidate();
        events.AccessAndCountersChanged(projectId);
    }

    /// <summary>The project holding the category; NOT_FOUND when there is no such category.</summary>
    internal async Task<long> ProjectOfAsync(Caller caller, long categoryId, CancellationToken ct)
    {
        var projectId = await db.Categories.Where(c => c.Id == categoryId).Select(c => (long?)c.ProjectId)
            .SingleOrDefaultAsync(ct);
        return projectId ?? throw MementoException.NotFound("Category", categoryId);
    }

    private Category New(long projectId, string name, string? settings) => new()
    {
        ProjectId = projectId, Name = Inputs.Name(name), Settings = CategorySettings.Validate(settings),
        CreatedAt = clock.GetUtcNow(),
    };

    private async Task<CategoryInfo> UpdateAsync(Caller caller, long id, Action<Category> change, CancellationToken ct)
    {
        await policy.RequireAdministerProjectAsync(caller, await ProjectOfAsync(caller, id, ct), ct);
        var category = await db.Categories.SingleAsync(c => c.Id == id, ct);
        change(category);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            throw MementoException.Conflict("The project already has a category with this name.");
        }
        db.ChangeTracker.Clear();
        return await GetAsync(caller, id, ct);
    }
}
