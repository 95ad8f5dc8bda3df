using Memento.Domain.Accounts;
using Memento.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Memento.Server.Auth;

/// <summary>Cookie sign-in for browsers, bearer API tokens for scripts, and the sign-in budget per address.</summary>
public static class AccountsExtensions
{
    public static WebApplicationBuilder AddMementoAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccountOptions>().Bind(builder.Configuration.GetSection(MementoOptions.Section));
        services.AddScoped<AccountService>();
        services.AddScoped<ISessionSignIn, CookieSessionSignIn>();
        services.AddSingleton<FirstRunSetup>();

        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AuthSchemes.ApiToken
                    : AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = "memento.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/login";
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
                // Scripts and fetch() calls get a status code, browsers navigating to a page get the login form.
                o.Events.OnRedirectToLogin = context => RedirectBrowsersOnly(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => RedirectBrowsersOnly(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(AuthSchemes.ApiToken, null);
        services.AddOptions<CookieAuthenticationOptions>(AuthSchemes.Cookie)
            .Configure<IOptions<MementoOptions>>((cookie, memento) => cookie.ExpireTimeSpan = memento.Value.SessionLifetime);

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthSchemes.SysAdminPolicy, p => p.RequireRole(MementoClaims.SysAdminRole));
        services.AddAntiforgery(o => o.Cookie.Name = "memento.antiforgery");
        services.AddMementoSignInThrottle();
        return builder;
    }

    private static Task RedirectBrowsersOnly(RedirectContext<CookieAuthenticationOptions> context, int statusCode)
    {
        var accept = context.Request.Headers.Accept.ToString();
        var isPageNavigation = HttpMethods.IsGet(context.Request.Method) && accept.Contains("text/html", StringComparison.Ordinal);
        if (isPageNavigation)
            context.Response.Redirect(context.RedirectUri);
        else
            context.Response.StatusCode = statusCode;
        return Task.CompletedTask;
    }
}
