using Memento.Domain.Accounts;
using Memento.Domain.Authorization;
using Memento.Server.Auth;
using Microsoft.AspNetCore.Antiforgery;

namespace Memento.Server.Pages.Shell;

/// <summary>
/// What every page needs to know about the request: who is asking (the domain's <see cref="Caller"/>, the same one
/// the GraphQL API builds), what the navigation may show them (CreatesProjects: may create projects and share
/// images, which live in a project of the sharer's own), the antiforgery tokens for its forms, and whether
/// htmx asked for a fragment. Built once per request by <see cref="PageSessions"/>.
/// </summary>
public sealed record PageSession(
    Caller Caller,
    string? UserName,
    bool IsSysAdmin,
    bool ManagesProjects,
    bool CreatesProjects,
    AntiforgeryTokenSet Antiforgery,
    bool WantsFragment)
{
    public bool SignedIn => Caller.IsUser;
}

public static class PageSessions
{
    public static async Task<PageSession> ForAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var policy = services.GetRequiredService<AccessPolicy>();
        var caller = CallerFromPrincipal.From(http.User);
        var ct = http.RequestAborted;
        return new PageSession(
            caller,
            caller.IsUser ? http.User.Identity?.Name : null,
            await policy.IsSysAdminAsync(caller, ct),
            await policy.ManagesProjectsAsync(caller, ct),
            await policy.CanCreateProjectsAsync(caller, ct),
            services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http),
            Htmx.WantsFragment(http.Request));
    }
}
