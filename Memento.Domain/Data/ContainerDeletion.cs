using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Memento.Domain.Services.Images;

namespace Memento.Domain.Data;

/// <summary>
/// Deletes a project, category or annotation with everything inside it. Contained rows go by the database's
/// cascading foreign keys; permissions (whose scope id has no foreign key) are deleted explicitly in the same
/// transaction; image files are removed only after the commit, so a failed delete never loses files whose rows
/// still exist, and only through <see cref="ImageDirectories.Delete"/>, the one safe delete.
/// </summary>
public sealed class ContainerDeletion(MementoDbContext db, ImageDirectories directories)
{
    /// <summary>For hosts and tests that have no <see cref="ImageDirectories"/> of their own.</summary>
    public ContainerDeletion(MementoDbContext db, string dataDirectory, ILogger<ImageDirectories>? logger = null,
        Action<string>? directoryRemoved = null) : this(db, new ImageDirectories(dataDirectory, directoryRemoved, logger)) { }

    /// <summary>Deletes the project, its categories, annotations, images (rows and files), labels,
    /// classifications and the permissions scoped to any of them. False when there is no such project.</summary>
    public async Task<bool> DeleteProjectAsync(long projectId, CancellationToken ct)
    {
        List<string?> imageDirectories;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Read inside the transaction so an image added concurrently is either seen here or blocked.
            imageDirectories = await db.Images.Where(i => i.ProjectId == projectId).Select(i => i.StorageDirectory).ToListAsync(ct);
            var categories = db.Categories.Where(c => c.ProjectId == projectId).Select(c => (long?)c.Id);
            var annotations = db.Annotations.Where(a => a.Category.ProjectId == projectId).Select(a => (long?)a.Id);
            await DeletePermissionsAsync(PermissionRoles.ProjectRoles, db.Projects.Where(p => p.Id == projectId).Select(p => (long?)p.Id), ct);
            await DeletePermissionsAsync(PermissionRoles.CategoryRoles, categories, ct);
            await DeletePermissionsAsync(PermissionRoles.AnnotationRoles, annotations, ct);
            if (await db.Projects.Where(p => p.Id == projectId).ExecuteDeleteAsync(ct) == 0) return false;
            await transaction.CommitAsync(ct);
        }
        DeleteImageDirectories(projectId, imageDirectories);
        return true;
    }

    /// <summary>Deletes the category, its annotations and everything in them, and the permissions scoped to
    /// them. Images stay: they belong to the project. False when there is no such category.</summary>
    public async Task<bool> DeleteCategoryAsync(long categoryId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await DeletePermissionsAsync(PermissionRoles.CategoryRoles, db.Categories.Where(c => c.Id == categoryId).Select(c => (long?)c.Id), ct);
        await DeletePermissionsAsync(PermissionRoles.AnnotationRoles,
            db.Annotations.Where(a => a.CategoryId == categoryId).Select(a => (long?)a.Id), ct);
        if (await db.Categories.Where(c => c.Id == categoryId).ExecuteDeleteAsync(ct) == 0) return false;
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Deletes the annotation with its layers, comments, regions, labels set, classification choices
    /// and share links, and the permissions scoped to it. False when there is no such annotation.</summary>
    public async Task<bool> DeleteAnnotationAsync(long annotationId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await DeletePermissionsAsync(PermissionRoles.AnnotationRoles,
            db.Annotations.Where(a => a.Id == annotationId).Select(a => (long?)a.Id), ct);
        if (await db.Annotations.Where(a => a.Id == annotationId).ExecuteDeleteAsync(ct) == 0) return false;
        await transaction.CommitAsync(ct);
        return true;
    }

    private Task<int> DeletePermissionsAsync(PermissionRole[] roles, IQueryable<long?> scopeIds, CancellationToken ct) =>
        db.Permissions.Where(p => roles.Contains(p.Role) && scopeIds.Contains(p.ScopeId)).ExecuteDeleteAsync(ct);

    private void DeleteImageDirectories(long projectId, IEnumerable<string?> relativeDirectories)
    {
        foreach (var relative in relativeDirectories) directories.Delete(relative);
        // Then the project's own folder, which held nothing but those directories.
        directories.Delete(ImageDirectories.ProjectDirectory(projectId));
    }
}
