using Memento.Server.Pages.Shell;
using Memento.Domain.Accounts;
using Memento.Server.Auth;
using Memento.Server.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Memento.Server.Endpoints;

/// <summary>Browser sign-in and sign-out (plain HTML forms, no JavaScript).</summary>
public static class LoginEndpoints
{
    // A class, not a positional record: the form binder leaves absent fields null instead of failing.
    public sealed class LoginForm { public string? UserName { get; set; } public string? Password { get; set; } public string? ReturnUrl { get; set; } }

    public static IEndpointRouteBuilder MapLoginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", ShowLogin).AllowAnonymous();
        app.MapPost("/login", Login).AllowAnonymous().RequireSignInBudget();
        app.MapPost("/logout", Logout).AllowAnonymous();
        return app;
    }

    private static IResult ShowLogin(HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
        // Already signed in (a bookmarked login page, the back button): go where the form would have led.
        http.User.Identity?.IsAuthenticated == true
            ? TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl))
            : Html.Page<LoginPage>(new { Antiforgery = antiforgery.GetAndStoreTokens(http), ReturnUrl = LocalUrl.OrHome(returnUrl) });

    private static async Task<IResult> Login(HttpContext http, IAntiforgery antiforgery, AccountService accounts, [FromForm] LoginForm form)
    {
        var result = await accounts.VerifyPasswordAsync(form.UserName ?? "", form.Password ?? "", http.RequestAborted);
        if (!result.Succeeded)
        {
            return Html.Page<LoginPage>(new
            {
                Antiforgery = antiforgery.GetAndStoreTokens(http),
                ReturnUrl = LocalUrl.OrHome(form.ReturnUrl),
                form.UserName,
                Error = result.Message,
            // Only the right password on a disabled account learns more (403): a locked account answers as an unknown name.
            }, result.Status == SignInStatus.Disabled ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized);
        }
        await http.SignInAsync(AuthSchemes.Cookie, MementoClaims.For(result.User!, AuthSchemes.Cookie),
            new AuthenticationProperties { IsPersistent = true });
        return TypedResults.LocalRedirect(LocalUrl.OrHome(form.ReturnUrl));
    }

    private static async Task<IResult> Logout(HttpContext http, IAntiforgery antiforgery)
    {
        // No form fields to bind, so the automatic antiforgery check does not apply: check explicitly,
        // or any site could sign our users out.
        if (!await antiforgery.IsRequestValidAsync(http))
            return TypedResults.BadRequest();
        await http.SignOutAsync(AuthSchemes.Cookie);
        return TypedResults.LocalRedirect("/login");
    }
}
