using Memento.Domain.Accounts;
using Memento.Domain.Services.Pictures;
using Memento.Server.Auth;
using Memento.Server.Pages.Shell;
using Memento.Server.Pages.SignUp;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Memento.Server.Endpoints;

/// <summary>
/// The dataset document's HTML sign-up form (<c>/signup</c>): off unless <c>Memento:Datasets:SignUp</c> (404 then),
/// a plain form with antiforgery, the same name and password rules as an administrator's user creation, a budget of
/// accounts per client address, and new accounts hold no project rights (they upload, annotate their own layer and
/// read public projects, like any user without roles).
/// </summary>
public static class SignUpEndpoints
{
    // A class, not a positional record: the form binder leaves absent fields null instead of failing.
    public sealed class SignUpForm { public string? UserName { get; set; } public string? Password { get; set; } public string? ConfirmPassword { get; set; } }

    public static IEndpointRouteBuilder MapSignUpPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signup", Show).AllowAnonymous();
        app.MapPost("/signup", SignUpAsync).AllowAnonymous();
        return app;
    }

    private static IResult Show(HttpContext http, IAntiforgery antiforgery, IOptions<DatasetOptions> dataset,
        IOptions<AccountOptions> rules) =>
        !dataset.Value.SignUp ? TypedResults.NotFound()
        : http.User.Identity?.IsAuthenticated == true ? TypedResults.LocalRedirect("/")
        : Page(http, antiforgery, rules);

    private static async Task<IResult> SignUpAsync(HttpContext http, IAntiforgery antiforgery, IOptions<DatasetOptions> dataset,
        IOptions<AccountOptions> rules, AccountService accounts, SignUpThrottle throttle, [FromForm] SignUpForm form)
    {
        if (!dataset.Value.SignUp) return TypedResults.NotFound();
        if (form.Password != form.ConfirmPassword)
            return Page(http, antiforgery, rules, form.UserName, "The two passwords differ.", StatusCodes.Status400BadRequest);
        if (!throttle.TryAcquire(http.Connection.RemoteIpAddress))
            return Page(http, antiforgery, rules, form.UserName, "Too many accounts were created from your address; try again in an hour.",
                StatusCodes.Status429TooManyRequests);
        try
        {
            var user = await accounts.CreateUserAsync(form.UserName ?? "", form.Password ?? "", isSysAdmin: false, http.RequestAborted);
            await http.SignInAsync(AuthSchemes.Cookie, MementoClaims.For(user, AuthSchemes.Cookie),
                new AuthenticationProperties { IsPersistent = true });
            return TypedResults.LocalRedirect("/");
        }
        catch (AccountException e)
        {
            return Page(http, antiforgery, rules, form.UserName, e.Message, StatusCodes.Status400BadRequest);
        }
    }

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, IOptions<AccountOptions> rules,
        string? userName = null, string? error = null, int status = StatusCodes.Status200OK) =>
        Html.Page<SignUpPage>(new
        {
            Antiforgery = antiforgery.GetAndStoreTokens(http), UserName = userName, Error = error,
            MinLength = rules.Value.MinPasswordLength,
        }, status);
}
