using Memento.Domain.Model;

namespace Memento.Domain.Authorization;

/// <summary>The level of the hierarchy a role's scope id points at.</summary>
public enum RoleScope { System, Project, Category, Annotation }

/// <summary>The manual's permission codes (sysadm, proadm, propar, …) and what each one means.</summary>
public static class RoleCodes
{
    private static readonly Dictionary<string, PermissionRole> ByCode = new(StringComparer.Ordinal)
    {
        ["sysadm"] = PermissionRole.SysAdm, ["proadm"] = PermissionRole.ProAdm,
        ["propar"] = PermissionRole.ProPar, ["catpar"] = PermissionRole.CatPar, ["annpar"] = PermissionRole.AnnPar,
        ["provie"] = PermissionRole.ProVie, ["catvie"] = PermissionRole.CatVie, ["annvie"] = PermissionRole.AnnVie,
    };

    public static bool TryParse(string code, out PermissionRole role) =>
        ByCode.TryGetValue(code.Trim().ToLowerInvariant(), out role);

    public static string ToCode(this PermissionRole role) => ByCode.First(pair => pair.Value == role).Key;

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
