using Microsoft.AspNetCore.Authentication;
using Memento.Domain.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Memento.Server.Auth;

/// <summary>
/// Checks each browser session against the database: a cookie is refused once its user is disabled or deleted,
/// or once the password changed (the security stamp moved on), which is how "sign out other sessions" works.
/// </summary>
public static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.UserId();
        var stamp = context.Principal?.FindFirst(MementoClaims.SecurityStamp)?.Value;
        var db = context.HttpContext.RequestServices.GetRequiredService<MementoDbContext>();
        var current = userId is null ? null : await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsDisabled })
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is null || current.IsDisabled || current.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
        }
    }
}
