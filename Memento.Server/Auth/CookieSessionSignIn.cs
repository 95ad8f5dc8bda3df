using Memento.Domain.Accounts;
using Memento.Domain.Model;
using Microsoft.AspNetCore.Authentication;

namespace Memento.Server.Auth;

/// <summary>The host's cookie sign-in for the GraphQL login/logout mutations: the same principal as the login page.</summary>
public sealed class CookieSessionSignIn(IHttpContextAccessor accessor, AccountService accounts) : ISessionSignIn
{
    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("No HTTP request in progress.");

    public Task SignInAsync(User user) =>
        Http.SignInAsync(AuthSchemes.Cookie, MementoClaims.For(user, AuthSchemes.Cookie),
            new AuthenticationProperties { IsPersistent = true });

    public async Task SignOutAsync()
    {
        var http = Http;
        if (http.User.Identity is { IsAuthenticated: true, AuthenticationType: AuthSchemes.ApiToken })
        {
            var header = http.Request.Headers.Authorization.ToString();
            await accounts.RevokePresentedApiTokenAsync(header["Bearer ".Length..].Trim(), http.RequestAborted);
            return;
        }
        await http.SignOutAsync(AuthSchemes.Cookie);
    }

    public Task RenewIfCookieAsync(User user) =>
        Http.User.Identity is { IsAuthenticated: true, AuthenticationType: AuthSchemes.Cookie }
            ? SignInAsync(user)
            : Task.CompletedTask;
}
