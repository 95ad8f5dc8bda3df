using Memento.Domain.Model;

namespace Memento.Domain.Authorization;

/// <summary>The level of the hierarchy a role's scope id points at.</summary>
public enum RoleScope { System, Project, Category, Annotation }

/// <summary>What each of the manual's permission roles means: its scope, and whether it participates.</summary>
public static class RoleCodes
{
    /// <summary>A permission code a user gave (the table is <see cref="ManualCodes"/>).</summary>
    public static bool TryParse(string code, out PermissionRole role) => ManualCodes.TryParseRole(code, out role);

    public static string ToCode(this PermissionRole role) => ManualCodes.Code(role);

    public static RoleScope Scope(this PermissionRole role) => role switch
    {
        PermissionRole.SysAdm => RoleScope.System,
        PermissionRole.ProAdm or PermissionRole.ProPar or PermissionRole.ProVie => RoleScope.Project,
        PermissionRole.CatPar or PermissionRole.CatVie => RoleScope.Category,
        _ => RoleScope.Annotation,
    };

    /// <summary>Participants may label, classify, submit, comment and draw; viewers only read.</summary>
    public static bool Participates(this PermissionRole role) =>
        role is PermissionRole.SysAdm or PermissionRole.ProAdm or PermissionRole.ProPar or PermissionRole.CatPar
            or PermissionRole.AnnPar;

    /// <summary>The participant (par) or viewer (vie) role at a scope.</summary>
    public static PermissionRole For(RoleScope scope, bool participant) => (scope, participant) switch
    {
        (RoleScope.Project, true) => PermissionRole.ProPar,
        (RoleScope.Project, false) => PermissionRole.ProVie,
        (RoleScope.Category, true) => PermissionRole.CatPar,
        (RoleScope.Category, false) => PermissionRole.CatVie,
        (RoleScope.Annotation, true) => PermissionRole.AnnPar,
        (RoleScope.Annotation, false) => PermissionRole.AnnVie,
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };
}
