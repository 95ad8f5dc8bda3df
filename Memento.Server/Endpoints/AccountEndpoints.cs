using Memento.Server.Pages.Shell;
using Memento.Domain.Accounts;
using Memento.Server.Auth;
using Memento.Server.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Memento.Server.Endpoints;

/// <summary>A signed-in user's own account: password, API tokens.</summary>
public static class AccountEndpoints
{
    // A class, not a positional record: the form binder leaves absent fields null instead of failing.
    public sealed class PasswordForm { public string? CurrentPassword { get; set; } public string? NewPassword { get; set; } public string? ConfirmPassword { get; set; } }
    // A class, not a positional record: the form binder leaves absent fields null instead of failing.
    public sealed class TokenForm { public string? Name { get; set; } }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").RequireAuthorization();
        account.MapGet("/password", ShowPassword);
        account.MapPost("/password", ChangePassword);
        account.MapGet("/tokens", ShowTokens);
        account.MapPost("/tokens", CreateToken);
        account.MapPost("/tokens/{id:long}/revoke", RevokeToken);
        return app;
    }

    private static RazorComponentResult<ChangePasswordPage> ShowPassword(HttpContext http, IAntiforgery antiforgery,
        IOptions<AccountOptions> rules) => PasswordPage(http, antiforgery, rules);

    // Handlers pass messages through these helpers, never through the query string.
    private static RazorComponentResult<ChangePasswordPage> PasswordPage(HttpContext http, IAntiforgery antiforgery,
        IOptions<AccountOptions> rules, string? error = null, string? success = null, int status = StatusCodes.Status200OK) =>
        Html.Page<ChangePasswordPage>(new
        {
            Antiforgery = antiforgery.GetAndStoreTokens(http),
            UserName = http.User.Identity?.Name,
            MinLength = rules.Value.MinPasswordLength,
            Error = error,
            Success = success,
        }, status);

    private static async Task<RazorComponentResult<ChangePasswordPage>> ChangePassword(HttpContext http, IAntiforgery antiforgery,
        IOptions<AccountOptions> rules, AccountService accounts, [FromForm] PasswordForm form)
    {
        try
        {
            var user = await accounts.ChangePasswordAsync(http.User.UserId()!.Value, form.CurrentPassword ?? "",
                form.NewPassword ?? "", form.ConfirmPassword ?? "", http.RequestAborted);
            // Re-issue this browser's cookie with the new stamp; every other session is now stale.
            await http.SignInAsync(AuthSchemes.Cookie, MementoClaims.For(user, AuthSchemes.Cookie),
                new AuthenticationProperties { IsPersistent = true });
            return PasswordPage(http, antiforgery, rules, success: "Your password was changed. Other sessions were signed out.");
        }
        catch (AccountException e)
        {
            return PasswordPage(http, antiforgery, rules, error: e.Message, status: StatusCodes.Status400BadRequest);
        }
    }

    private static Task<RazorComponentResult<ApiTokensPage>> ShowTokens(HttpContext http, IAntiforgery antiforgery,
        AccountService accounts) => TokensPage(http, antiforgery, accounts);

    private static async Task<RazorComponentResult<ApiTokensPage>> TokensPage(HttpContext http, IAntiforgery antiforgery,
        AccountService accounts, string? newSecret = null, string? error = null, int status = StatusCodes.Status200OK) =>
        Html.Page<ApiTokensPage>(new
        {
            Antiforgery = antiforgery.GetAndStoreTokens(http),
            UserName = http.User.Identity?.Name,
            Tokens = await accounts.ListApiTokensAsync(http.User.UserId()!.Value, http.RequestAborted),
            NewSecret = newSecret,
            Error = error,
        }, status);

    private static async Task<RazorComponentResult<ApiTokensPage>> CreateToken(HttpContext http, IAntiforgery antiforgery,
        AccountService accounts, [FromForm] TokenForm form)
    {
        try
        {
            var (_, secret) = await accounts.CreateApiTokenAsync(http.User.UserId()!.Value, form.Name ?? "", ct: http.RequestAborted);
            // The secret is in this one response only; tell caches not to keep it.
            http.Response.Headers.CacheControl = "no-store";
            return await TokensPage(http, antiforgery, accounts, newSecret: secret);
        }
        catch (AccountException e)
        {
            return await TokensPage(http, antiforgery, accounts, error: e.Message, status: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> RevokeToken(HttpContext http, IAntiforgery antiforgery, AccountService accounts, long id)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return TypedResults.BadRequest();
        if (!await accounts.RevokeApiTokenAsync(http.User.UserId()!.Value, id, http.RequestAborted))
            return TypedResults.NotFound();
        return TypedResults.Redirect("/account/tokens");
    }
}
