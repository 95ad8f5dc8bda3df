using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Accounts;

/// <summary>An account as its administrators see it: both system-level codes resolved.</summary>
public sealed record UserAccount(long Id, string UserName, bool IsSysAdmin, bool IsProAdm, bool IsDisabled,
    DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt);

/// <summary>
/// Account administration by system administrators, for the GraphQL users mutations and the users pages alike:
/// who may do it, that nobody deletes or demotes themselves, and the account rules' refusals turned into the
/// domain's error codes (a taken name is CONFLICT, a bad name or password VALIDATION).
/// </summary>
public sealed class UserAdministration(AccountService accounts, AccessPolicy policy, MementoDbContext db,
    Events.IDomainEvents events)
{
    public const string OnlySysAdmins = "Only system administrators manage users.";
    public const string NotYourself = "You cannot delete your own account.";
    public const string KeepYourAdmin = "You cannot remove your own system administrator role; ask another administrator.";
    public const string StillOwnsData = "This user still owns data that cannot be removed with the account.";

    public Task RequireAsync(Caller caller, CancellationToken ct = default) =>
        policy.RequireSysAdminAsync(caller, ct, OnlySysAdmins);

    /// <summary>The account entity (the API builds its own view of it); NOT_FOUND for an unknown id.</summary>
    public async Task<User> FindAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await RequireAsync(caller, ct);
        return await accounts.FindByIdAsync(id, ct) ?? throw MementoException.NotFound("User", id);
    }

    public async Task<UserAccount> GetAsync(Caller caller, long id, CancellationToken ct = default) =>
        await AccountOf(await FindAsync(caller, id, ct), ct);

    public async Task<User> CreateAsync(Caller caller, string userName, string password, bool isSysAdmin = false,
        CancellationToken ct = default)
    {
        await RequireAsync(caller, ct);
        return await Run(() => accounts.CreateUserAsync(userName, password, isSysAdmin, ct));
    }

    public async Task<User> RenameAsync(Caller caller, long id, string userName, CancellationToken ct = default)
    {
        var user = await FindAsync(caller, id, ct);
        return await Run(() => accounts.RenameUserAsync(user, userName, ct));
    }

    /// <summary>A new password without the old one; unless <paramref name="keepSessions"/>, tokens and sessions end.</summary>
    public async Task<User> ResetPasswordAsync(Caller caller, long id, string password, bool keepSessions,
        CancellationToken ct = default)
    {
        var user = await FindAsync(caller, id, ct);
        return await Run(async () =>
        {
            await accounts.SetPasswordAsync(user, password, keepSessions, ct);
            return user;
        });
    }

    /// <summary>
    /// Grants or removes sysadm. Removing takes both forms away (the account flag and any sysadm role code), so a
    /// demoted administrator is not still one by the other route. Nobody demotes themselves (CONFLICT).
    /// </summary>
    public async Task<User> SetSysAdminAsync(Caller caller, long id, bool isSysAdmin, CancellationToken ct = default)
    {
        await RequireAsync(caller, ct);
        if (id == caller.UserId && !isSysAdmin) throw MementoException.Conflict(KeepYourAdmin);
        var user = await FindAsync(caller, id, ct);
        if (!isSysAdmin)
            await db.Permissions.Where(p => p.UserId == id && p.Role == PermissionRole.SysAdm).ExecuteDeleteAsync(ct);
        await accounts.SetSysAdminAsync(user, isSysAdmin, ct);
        policy.Invalidate();
        if (!isSysAdmin) events.Raise(Events.AccessChanged.Everywhere); // a demoted administrator's live views re-check
        return user;
    }

    /// <summary>Grants or removes the system-level proadm code: may create (and so manage) projects.</summary>
    public async Task<User> SetProAdmAsync(Caller caller, long id, bool isProAdm, CancellationToken ct = default)
    {
        var user = await FindAsync(caller, id, ct);
        if (user.IsProAdm != isProAdm)
        {
            user.IsProAdm = isProAdm;
            await db.SaveChangesAsync(ct);
        }
        policy.Invalidate();
        return user;
    }

    /// <summary>Deletes the account (never one's own); its comments and drawings stay, without author.</summary>
    public async Task DeleteAsync(Caller caller, long id, CancellationToken ct = default)
    {
        await RequireAsync(caller, ct);
        if (id == caller.UserId) throw MementoException.Conflict(NotYourself);
        var user = await FindAsync(caller, id, ct);
        try
        {
            await accounts.DeleteUserAsync(user, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw MementoException.Conflict(StillOwnsData);
        }
        policy.Invalidate();
        events.Raise(Events.AccessChanged.Everywhere); // the account's live views end
    }

    private async Task<UserAccount> AccountOf(User user, CancellationToken ct)
    {
        var sysadm = user.IsSysAdmin
            || await db.Permissions.AnyAsync(p => p.UserId == user.Id && p.Role == PermissionRole.SysAdm, ct);
        return new UserAccount(user.Id, user.UserName, sysadm, user.IsProAdm, user.IsDisabled, user.CreatedAt,
            user.LastLoginAt);
    }

    /// <summary>Turns the account rules' refusals (bad name, name taken, short password) into domain errors.</summary>
    private static async Task<User> Run(Func<Task<User>> action)
    {
        try
        {
            return await action();
        }
        catch (AccountException e) when (e.Message == AccountMessages.UserNameTaken)
        {
            throw MementoException.Conflict(e.Message);
        }
        catch (AccountException e)
        {
            var field = e.Message.Contains("password", StringComparison.OrdinalIgnoreCase) ? "password" : "username";
            throw MementoException.Validation(field, e.Message);
        }
    }
}
