using System.Security.Claims;
using Memento.Domain.Model;

namespace Memento.Server.Auth;

/// <summary>The claims a signed-in Memento principal carries, whichever scheme authenticated it.</summary>
public static class MementoClaims
{
    /// <summary>Copy of User.SecurityStamp at sign-in; a cookie whose stamp is stale is rejected.</summary>
    public const string SecurityStamp = "memento:stamp";

    /// <summary>Role given to system administrators.</summary>
    public const string SysAdminRole = "sysadm";

    public static ClaimsPrincipal For(User user, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(SecurityStamp, user.SecurityStamp),
        };
        if (user.IsSysAdmin)
            claims.Add(new Claim(ClaimTypes.Role, SysAdminRole));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    /// <summary>The signed-in user's id, or null for anonymous requests.</summary>
    public static long? UserId(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
