using Memento.Schema.Data;
using Memento.Schema.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Services.Permissions;

/// <summary>
/// Permission rows have no foreign key to their scope (the target table depends on the role), so deleting a
/// container must remove the roles pointing into it; otherwise a later object reusing the id would inherit them.
/// Call inside the deleting transaction, before the container row goes.
/// </summary>
internal static class ScopedPermissions
{
    public static Task<int> RemoveUnderProjectAsync(MementoDbContext db, long projectId, CancellationToken ct) =>
        db.Permissions.Where(p =>
                ((p.Role == PermissionRole.ProAdm || p.Role == PermissionRole.ProPar || p.Role == PermissionRole.ProVie)
                    && p.ScopeId == projectId)
                || ((p.Role == PermissionRole.CatPar || p.Role == PermissionRole.CatVie)
                    && db.Categories.Any(c => c.Id == p.ScopeId && c.ProjectId == projectId))
                || ((p.Role == PermissionRole.AnnPar || p.Role == PermissionRole.AnnVie)
                    && db.Annotations.Any(a => a.Id == p.ScopeId && a.Category.ProjectId == projectId)))
            .ExecuteDeleteAsync(ct);

    public static Task<int> RemoveUnderCategoryAsync(MementoDbContext db, long categoryId, CancellationToken ct) =>
        db.Permissions.Where(p =>
                ((p.Role == PermissionRole.CatPar || p.Role == PermissionRole.CatVie) && p.ScopeId == categoryId)
                || ((p.Role == PermissionRole.AnnPar || p.Role == PermissionRole.AnnVie)
                    && db.Annotations.Any(a => a.Id == p.ScopeId && a.CategoryId == categoryId)))
            .ExecuteDeleteAsync(ct);

    public static Task<int> RemoveForAnnotationAsync(MementoDbContext db, long annotationId, CancellationToken ct) =>
        db.Permissions.Where(p => (p.Role == PermissionRole.AnnPar || p.Role == PermissionRole.AnnVie)
                && p.ScopeId == annotationId)
            .ExecuteDeleteAsync(ct);
}
