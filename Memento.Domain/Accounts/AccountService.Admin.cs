using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Memento.Domain.Accounts;

// Administrator operations on accounts (the API's users section). Callers check that the caller is a sysadm.
public sealed partial class AccountService
{
    public Task<User?> FindByIdAsync(long userId, CancellationToken ct = default) =>
        db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);

    public Task<List<User>> ListUsersAsync(CancellationToken ct = default) =>
        db.Users.AsNoTracking().OrderBy(u => u.NormalizedUserName).ToListAsync(ct);

    public async Task<User> RenameUserAsync(User user, string userName, CancellationToken ct = default)
    {
        userName = ValidateUserName(userName);
        var normalized = User.Normalize(userName);
        if (normalized != user.NormalizedUserName && await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, ct))
            throw new AccountException(AccountMessages.UserNameTaken);
        user.UserName = userName;
        user.NormalizedUserName = normalized;
        // The name is a claim in the session cookie: a new stamp makes the user sign in again under the new name.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        log.LogInformation("User {UserId} renamed to {UserName}", user.Id, userName);
        return user;
    }

    public async Task<User> SetSysAdminAsync(User user, bool isSysAdmin, CancellationToken ct = default)
    {
        if (user.IsSysAdmin == isSysAdmin) return user;
        user.IsSysAdmin = isSysAdmin;
        // The role is a claim in the session cookie: a demoted admin must not keep it until the cookie expires.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        log.LogInformation("User {UserId} system administrator: {IsSysAdmin}", user.Id, isSysAdmin);
        return user;
    }

    /// <summary>Deletes an account with its tokens and grants; comments and drawings it wrote stay, without author.</summary>
    public async Task DeleteUserAsync(User user, CancellationToken ct = default)
    {
        db.Users.Remove(user);
        await db.SaveChangesAsync(ct);
        log.LogInformation("User {UserId} deleted", user.Id);
    }

    /// <summary>Revokes the token whose secret a script presented (its logout); false for unknown secrets.</summary>
    public async Task<bool> RevokePresentedApiTokenAsync(string secret, CancellationToken ct = default)
    {
        if (!ApiTokenSecret.LooksValid(secret)) return false;
        var hash = ApiTokenSecret.Hash(secret);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token is null) return false;
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        log.LogInformation("User {UserId} signed out API token {TokenId}", token.UserId, token.Id);
        return true;
    }
}
