using Memento.Domain.Authorization;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Permissions;
using Memento.Domain.Services.Projects;
using Memento.Domain.Services.Users;
using Memento.Server.Pages.Categories;
using Microsoft.EntityFrameworkCore;

namespace Memento.Server.Pages.Members;

/// <summary>One page of the members at a scope, and the user search for adding one (when a search was typed).</summary>
public sealed record MembersView(MemberScope Scope, List<MemberInfo> Members, bool HasMore, ListPosition Position,
    string? Search, List<UserSummary>? Found);

/// <summary>
/// Loads <see cref="MembersView"/> through PermissionService (the API's grantRole/revokeRole rules: the project's
/// administrators only) and UserDirectory (the pickers' user search).
/// </summary>
public sealed class MembersViews(PermissionService permissions, UserDirectory users, ProjectService projects,
    CategoryService categories, AnnotationService annotations)
{
    public const int SearchLimit = 20;

    /// <summary>The scope with its name, once the caller is known to manage its members (403/404 otherwise).</summary>
    public async Task<MemberScope> ScopeAsync(Caller caller, RoleScope scope, long id, CancellationToken ct)
    {
        await permissions.MembersAsync(caller, scope, id, ct); // the permission check, before any name is read
        return scope switch
        {
            RoleScope.Project => new MemberScope(scope, id, (await projects.GetAsync(caller, id, ct)).Name, $"/projects/{id}"),
            RoleScope.Category => new MemberScope(scope, id, (await categories.GetAsync(caller, id, ct)).Name, $"/categories/{id}"),
            _ => new MemberScope(scope, id, (await annotations.GetAsync(caller, id, ct)).Name, $"/annotations/{id}"),
        };
    }

    public async Task<MembersView> LoadAsync(Caller caller, RoleScope scope, long id, ListPosition position,
        string? search, CancellationToken ct)
    {
        var memberScope = await ScopeAsync(caller, scope, id, ct);
        var rows = await (await permissions.MembersAsync(caller, scope, id, ct))
            .OrderBy(p => p.User.UserName).ThenBy(p => p.Role).Skip(position.Skip).Take(ListPosition.PageSize + 1)
            .Select(p => new MemberInfo(p.Id, p.UserId, p.User.UserName, p.Role, p.ScopeId)).ToListAsync(ct);
        var found = string.IsNullOrWhiteSpace(search) ? null : await users.SearchAsync(caller, search, SearchLimit, ct);
        return new MembersView(memberScope, rows.Take(ListPosition.PageSize).ToList(), rows.Count > ListPosition.PageSize,
            position, search, found);
    }
}
