using Memento.Server.Pages.Shell;
using Memento.Domain.Accounts;
using Memento.Server.Auth;
using Memento.Server.Hosting;
using Memento.Server.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Memento.Server.Endpoints;

/// <summary>
/// First-run setup: while no user exists, the token from the server log lets one visitor create the first
/// system administrator. Afterwards /setup is gone (404).
/// </summary>
public static class SetupEndpoints
{
    // A class, not a positional record: the form binder leaves absent fields null instead of failing.
    public sealed class SetupForm { public string? SetupToken { get; set; } public string? UserName { get; set; } public string? Password { get; set; } public string? ConfirmPassword { get; set; } }

    public const string InvalidToken = "That setup token is not valid. Copy it from the server's log (it changes at every restart).";

    public static IEndpointRouteBuilder MapSetupEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/setup", ShowSetup).AllowAnonymous();
        // Shares the sign-in rate limit: the token is a password too.
        app.MapPost("/setup", CompleteSetup).AllowAnonymous().RequireSignInBudget();
        return app;
    }

    private static async Task<IResult> ShowSetup(HttpContext http, IAntiforgery antiforgery, FirstRunSetup setup,
        IOptions<AccountOptions> rules, AccountService accounts)
    {
        // A user may have appeared without this process noticing (create-admin, another instance).
        if (setup.IsOpen && await accounts.AnyUsersAsync(http.RequestAborted))
            setup.Close();
        return setup.IsOpen
            ? Html.Page<SetupPage>(new { Antiforgery = antiforgery.GetAndStoreTokens(http), MinLength = rules.Value.MinPasswordLength })
            : SetupDone();
    }

    private static async Task<IResult> CompleteSetup(HttpContext http, IAntiforgery antiforgery, FirstRunSetup setup,
        IOptions<AccountOptions> rules, AccountService accounts, [FromForm] SetupForm form)
    {
        if (!setup.IsOpen)
            return SetupDone();
        IResult Refuse(string error) => Html.Page<SetupPage>(new
        {
            Antiforgery = antiforgery.GetAndStoreTokens(http),
            MinLength = rules.Value.MinPasswordLength,
            form.UserName,
            Error = error,
        }, StatusCodes.Status400BadRequest);

        if (form.Password != form.ConfirmPassword)
            return Refuse(AccountMessages.PasswordsDiffer);
        var token = form.SetupToken ?? "";
        if (!setup.TryConsume(token))
            return Refuse(InvalidToken);
        try
        {
            // Another instance sharing the database may have finished setup already.
            if (await accounts.AnyUsersAsync(http.RequestAborted))
            {
                setup.Close();
                return SetupDone();
            }
            var admin = await accounts.CreateUserAsync(form.UserName ?? "", form.Password ?? "", isSysAdmin: true, http.RequestAborted);
            await http.SignInAsync(AuthSchemes.Cookie, MementoClaims.For(admin, AuthSchemes.Cookie),
                new AuthenticationProperties { IsPersistent = true });
            return TypedResults.Redirect("/");
        }
        catch (AccountException e)
        {
            setup.Reopen(token);
            return Refuse(e.Message);
        }
    }

    private static IResult SetupDone() => Html.Page<MessagePage>(new
    {
        Title = "Setup is complete",
        Message = "An administrator already exists. Sign in, or ask an administrator for an account.",
        LinkUrl = "/login",
        LinkText = "Sign in",
    }, StatusCodes.Status404NotFound);
}
