using Microsoft.AspNetCore.Authentication.Cookies;

namespace Memento.Server.Auth;

/// <summary>Names of the authentication schemes.</summary>
public static class AuthSchemes
{
    /// <summary>The default: picks <see cref="ApiToken"/> when a bearer token is presented, the cookie otherwise.</summary>
    public const string Default = "Memento";
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string ApiToken = "ApiToken";
    public const string SysAdminPolicy = "SysAdmin";
}
