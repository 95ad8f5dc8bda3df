using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Memento.Domain.Services.Permissions;
using Memento.Server.Pages.Categories;
using Memento.Server.Pages.Members;
using Memento.Server.Pages.Shell;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Memento.Server.Endpoints;

/// <summary>
/// Participants and viewers at the three scopes — /projects/{id}/members (propar, provie, proadm),
/// /categories/{id}/members (catpar, catvie), /annotations/{id}/members (annpar, annvie) — one set of handlers and
/// components, over PermissionService (the rules of the API's grantRole / revokeRole).
/// </summary>
public static class MemberEndpoints
{
    // Classes, not positional records: the form binder leaves absent fields null instead of failing.
    public sealed class GrantForm { public long? UserId { get; set; } public string? Role { get; set; } }
    public sealed class ChangeForm { public string? From { get; set; } public string? To { get; set; } }
    public sealed class RevokeForm { public string? Role { get; set; } }

    public static IEndpointRouteBuilder MapMemberPages(this IEndpointRouteBuilder app)
    {
        foreach (var (scope, segment) in MemberScope.Segments)
        {
            var members = app.MapGroup($"/{segment}/{{id:long}}/members").WithPageFailures();
            members.MapGet("", (long id, HttpContext http, int? page, string? user) => Show(scope, id, http, page, user));
            members.MapGet("/search", (long id, HttpContext http, string? user) => Search(scope, id, http, user));
            members.MapPost("", (long id, HttpContext http, PermissionService permissions, [FromForm] GrantForm? form) =>
                Grant(scope, id, http, permissions, form));
            members.MapPost("/{userId:long}/role", (long id, long userId, HttpContext http, PermissionService permissions,
                [FromForm] ChangeForm? form) => Change(scope, id, userId, http, permissions, form));
            members.MapGet("/{userId:long}/revoke", (long id, long userId, HttpContext http, string? role) =>
                ConfirmRevoke(scope, id, userId, http, role));
            members.MapPost("/{userId:long}/revoke", (long id, long userId, HttpContext http, PermissionService permissions,
                [FromForm] RevokeForm? form) => Revoke(scope, id, userId, http, permissions, form));
        }
        return app;
    }

    private static MembersViews Views(HttpContext http) => ActivatorUtilities.CreateInstance<MembersViews>(http.RequestServices);

    private static async Task<IResult> Show(RoleScope scope, long id, HttpContext http, int? page, string? user) =>
        await RenderAsync(http, await PageSessions.ForAsync(http), scope, id, ListPosition.From(page, null), user, new FormState());

    private static async Task<IResult> RenderAsync(HttpContext http, PageSession session, RoleScope scope, long id,
        ListPosition position, string? search, FormState form, int status = StatusCodes.Status200OK)
    {
        var view = await Views(http).LoadAsync(session.Caller, scope, id, position, search, http.RequestAborted);
        return Htmx.PageOrFragment<MembersPage, MembersEditor>(http, new { Session = session, View = view, Form = form }, status);
    }

    /// <summary>htmx: the users matching what was typed so far; a plain request gets the page with the results.</summary>
    private static async Task<IResult> Search(RoleScope scope, long id, HttpContext http, string? user)
    {
        var session = await PageSessions.ForAsync(http);
        if (!session.WantsFragment)
            return Results.Redirect($"/{MemberScope.Segments[scope]}/{id}/members?user={Uri.EscapeDataString(user ?? "")}");
        var view = await Views(http).LoadAsync(session.Caller, scope, id, new ListPosition(), user, http.RequestAborted);
        return new RazorComponentResult<UserResults>(new { Session = session, Scope = view.Scope, view.Found, Search = user });
    }

    private static async Task<IResult> ChangeAsync(HttpContext http, RoleScope scope, long id, string success,
        Func<PageSession, MemberScope, Task> change)
    {
        var session = await PageSessions.ForAsync(http);
        var memberScope = await Views(http).ScopeAsync(session.Caller, scope, id, http.RequestAborted);
        try
        {
            await change(session, memberScope);
        }
        catch (MementoException e) when (FormState.IsFormError(e))
        {
            return await RenderAsync(http, session, scope, id, new ListPosition(), null, FormState.Failed("members", e),
                StatusCodes.Status400BadRequest);
        }
        if (!session.WantsFragment) return Htmx.SeeOther(http, memberScope.Url);
        return await RenderAsync(http, session, scope, id, new ListPosition(), null, new FormState { Success = success });
    }

    private static PermissionRole RoleOrRefuse(MemberScope scope, string? code) => scope.Parse(code)
        ?? throw MementoException.Validation("role", $"Choose one of the roles of this {scope.Noun}: {string.Join(", ", scope.Roles.Select(r => r.ToCode()))}.");

    private static Task<IResult> Grant(RoleScope scope, long id, HttpContext http, PermissionService permissions,
        GrantForm? form) =>
        ChangeAsync(http, scope, id, "The role was granted.", async (session, s) =>
        {
            var role = RoleOrRefuse(s, form?.Role);
            await permissions.GrantAsync(session.Caller, form?.UserId ?? 0, role, id, http.RequestAborted);
        });

    /// <summary>Grants the new role before revoking the old one, so the member never loses access in between.</summary>
    private static Task<IResult> Change(RoleScope scope, long id, long userId, HttpContext http,
        PermissionService permissions, ChangeForm? form) =>
        ChangeAsync(http, scope, id, "The role was changed.", async (session, s) =>
        {
            var from = RoleOrRefuse(s, form?.From);
            var to = RoleOrRefuse(s, form?.To);
            if (from == to) return;
            await permissions.GrantAsync(session.Caller, userId, to, id, http.RequestAborted);
            await permissions.RevokeAsync(session.Caller, userId, from, id, http.RequestAborted);
        });

    private static async Task<IResult> ConfirmRevoke(RoleScope scope, long id, long userId, HttpContext http, string? role)
    {
        var session = await PageSessions.ForAsync(http);
        var view = await Views(http).LoadAsync(session.Caller, scope, id, new ListPosition(), null, http.RequestAborted);
        var parsed = RoleOrRefuseAsNotFound(view.Scope, role);
        var member = (await (await http.RequestServices.GetRequiredService<PermissionService>()
                .MembersAsync(session.Caller, scope, id, http.RequestAborted))
            .Where(p => p.UserId == userId && p.Role == parsed).Select(p => p.User.UserName).ToListAsync(http.RequestAborted))
            .FirstOrDefault() ?? throw MementoException.NotFound("This user holds no such role here.");
        return Html.Page<ConfirmPage>(new
        {
            Session = session, Title = "Revoke role",
            Question = $"Revoke {member}'s role {parsed.ToCode()} on the {view.Scope.Noun} “{view.Scope.Name}”?",
            Action = $"{view.Scope.Url}/{userId}/revoke", CancelUrl = view.Scope.Url, Confirm = "Revoke",
            Fields = (IReadOnlyList<(string, string)>)[("role", parsed.ToCode())],
        });
    }

    private static PermissionRole RoleOrRefuseAsNotFound(MemberScope scope, string? code) =>
        scope.Parse(code) ?? throw MementoException.NotFound("No such role here.");

    private static Task<IResult> Revoke(RoleScope scope, long id, long userId, HttpContext http,
        PermissionService permissions, RevokeForm? form) =>
        ChangeAsync(http, scope, id, "The role was revoked.", async (session, s) =>
        {
            await permissions.RevokeAsync(session.Caller, userId, RoleOrRefuse(s, form?.Role), id, http.RequestAborted);
        });
}
