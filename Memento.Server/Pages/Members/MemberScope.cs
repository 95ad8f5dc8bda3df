using Memento.Domain.Authorization;
using Memento.Domain.Model;

namespace Memento.Server.Pages.Members;

/// <summary>
/// Which members page this is: the project, a category or an annotation. One set of components serves the three;
/// only the roles offered, the names and the links differ.
/// </summary>
public sealed record MemberScope(RoleScope Scope, long Id, string Name, string BackUrl)
{
    public string Segment => Segments[Scope];
    public string Url => $"/{Segment}/{Id}/members";
    public string Noun => Scope switch { RoleScope.Project => "project", RoleScope.Category => "category", _ => "annotation" };

    /// <summary>The roles granted here: participant and viewer, and at project scope also project administrator.</summary>
    public IReadOnlyList<PermissionRole> Roles => Scope == RoleScope.Project
        ? [PermissionRole.ProPar, PermissionRole.ProVie, PermissionRole.ProAdm]
        : [RoleCodes.For(Scope, true), RoleCodes.For(Scope, false)];

    public static readonly IReadOnlyDictionary<RoleScope, string> Segments = new Dictionary<RoleScope, string>
    {
        [RoleScope.Project] = "projects", [RoleScope.Category] = "categories", [RoleScope.Annotation] = "annotations",
    };

    /// <summary>The words the page uses for a role ("participant (catpar)").</summary>
    public static string Describe(PermissionRole role) => role switch
    {
        PermissionRole.ProAdm => "project administrator (proadm)",
        _ when role.Participates() => $"participant ({role.ToCode()})",
        _ => $"viewer ({role.ToCode()})",
    };

    /// <summary>The role a form names by its code, if it is one granted at this scope.</summary>
    public PermissionRole? Parse(string? code) =>
        code is not null && RoleCodes.TryParse(code, out var role) && Roles.Contains(role) ? role : null;
}
