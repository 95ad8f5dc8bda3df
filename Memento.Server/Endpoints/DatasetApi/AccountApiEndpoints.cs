using System.Globalization;
using Memento.Domain.Accounts;
using Memento.Server.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Memento.Server.Endpoints.DatasetApi;

/// <summary>The document's <c>POST /api/login</c> (JSON username and password → the session cookie) and <c>/api/logout</c>.</summary>
public static class AccountApiEndpoints
{
    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapPost("/login", LoginAsync);
        api.MapPost("/logout", LogoutAsync);
        return api;
    }

    private static async Task<IResult> LoginAsync(HttpContext http, AccountService accounts, SignInThrottle throttle)
    {
        // The same budget per address as the sign-in page and the login mutation.
        if (!throttle.TryAcquire(http.Connection.RemoteIpAddress, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ApiErrors.Error(StatusCodes.Status429TooManyRequests, "Too many sign-in attempts; wait a minute and try again.");
        }
        var body = await ApiJson.ReadObjectAsync(http.Request);
        var result = await accounts.VerifyPasswordAsync(ApiJson.String(body, "username") ?? "",
            ApiJson.String(body, "password") ?? "", http.RequestAborted);
        if (!result.Succeeded)
            return ApiErrors.Error(result.Status == SignInStatus.Disabled ? StatusCodes.Status403Forbidden
                : StatusCodes.Status401Unauthorized, result.Message ?? "Wrong user name or password.");
        await http.SignInAsync(AuthSchemes.Cookie, MementoClaims.For(result.User!, AuthSchemes.Cookie),
            new AuthenticationProperties { IsPersistent = true });
        return TypedResults.Json(new Dictionary<string, object?> { ["id"] = result.User!.Id, ["username"] = result.User.UserName });
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, CancellationToken ct)
    {
        await http.SignOutAsync(AuthSchemes.Cookie);
        return TypedResults.Json(new Dictionary<string, object?> { ["ok"] = true });
    }
}
