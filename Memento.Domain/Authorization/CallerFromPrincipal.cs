using System.Globalization;
using System.Security.Claims;

namespace Memento.Domain.Authorization;

/// <summary>
/// Builds the <see cref="Caller"/> from the principal the host authenticated (cookie or API token). Reads the same
/// claims Memento.Server's MementoClaims writes: NameIdentifier = user id, role "sysadm" for system administrators.
/// Share-link callers come from <c>ShareLinkService.ResolveAsync</c> instead.
/// </summary>
public static class CallerFromPrincipal
{
    public const string SysAdminRole = "sysadm";

    public static Caller From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return Caller.Anonymous;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            ? Caller.ForUser(userId, principal.IsInRole(SysAdminRole))
            : Caller.Anonymous;
    }
}
