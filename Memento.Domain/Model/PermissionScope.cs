namespace Memento.Domain.Model;

/// <summary>What a permission's scope id refers to.</summary>
public enum PermissionScope { Global, Project, Category, Annotation }

/// <summary>The role → scope rule: sysadm is global, pro* roles name a project, cat* a category, ann* an annotation.</summary>
public static class PermissionRoles
{
    public static readonly PermissionRole[] ProjectRoles = [PermissionRole.ProAdm, PermissionRole.ProPar, PermissionRole.ProVie];
    public static readonly PermissionRole[] CategoryRoles = [PermissionRole.CatPar, PermissionRole.CatVie];
    public static readonly PermissionRole[] AnnotationRoles = [PermissionRole.AnnPar, PermissionRole.AnnVie];

    public static PermissionScope ScopeOf(PermissionRole role) => role switch
    {
        PermissionRole.SysAdm => PermissionScope.Global,
        PermissionRole.ProAdm or PermissionRole.ProPar or PermissionRole.ProVie => PermissionScope.Project,
        PermissionRole.CatPar or PermissionRole.CatVie => PermissionScope.Category,
        PermissionRole.AnnPar or PermissionRole.AnnVie => PermissionScope.Annotation,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
