using Memento.GraphQL.Types;
using Memento.Domain.Accounts;
using Memento.Schema.Api.Common;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Users;

public sealed record CreateUserInput(string Username, string Password, bool IsSysadm = false);
public sealed record RenameUserInput(long Id, string Username);
/// <param name="Id">The user whose password is reset.</param>
/// <param name="Password">The new password.</param>
/// <param name="KeepSessions">
/// False (the default): the user's API tokens are revoked and their browser sessions end, as after a suspected
/// compromise. True: tokens and sessions stay valid (a forgotten password only).
/// </param>
public sealed record ResetPasswordInput(long Id, string Password, bool KeepSessions = false);
public sealed record SetSysadmInput(long Id, bool IsSysadm);
public sealed record UserPayload(UserInfo User);

/// <summary>User look-ups: by name for any signed-in user (id and name only), the full list for sysadms.</summary>
public sealed class UserQueries
{
    /// <summary>The user with this name (id and name), or null; the account details only for sysadms and oneself.</summary>
    public async Task<UserInfo?> UserByName(string username, IResolveContext context, AccountService accounts,
        AccessPolicy policy)
    {
        var caller = ApiCaller.Of(context);
        caller.RequireUserId();
        var user = await accounts.FindByNameAsync(username, context.CancellationToken);
        if (user is null) return null;
        return caller.UserId == user.Id || await policy.IsSysAdminAsync(caller, context.CancellationToken)
            ? UserInfo.Full(user) : UserInfo.NameOnly(user);
    }
}

/// <summary>Account administration (system administrators only).</summary>
public sealed class UserMutations
{
    public async Task<UserPayload> CreateUser(CreateUserInput input, IResolveContext context, AccountService accounts,
        AccessPolicy policy)
    {
        await UserAdmin.RequireAsync(policy, ApiCaller.Of(context), context.CancellationToken);
        var user = await UserAdmin.Run(() => accounts.CreateUserAsync(input.Username, input.Password, input.IsSysadm,
            context.CancellationToken));
        return new UserPayload(UserInfo.Full(user));
    }

    public async Task<UserPayload> RenameUser(RenameUserInput input, IResolveContext context, AccountService accounts,
        AccessPolicy policy)
    {
        await UserAdmin.RequireAsync(policy, ApiCaller.Of(context), context.CancellationToken);
        var user = await UserAdmin.Find(accounts, input.Id, context.CancellationToken);
        await UserAdmin.Run(() => accounts.RenameUserAsync(user, input.Username, context.CancellationToken));
        return new UserPayload(UserInfo.Full(user));
    }

    /// <summary>
    /// Sets a new password without the old one and clears a lockout. Unless keepSessions is true, it also revokes
    /// all of the user's API tokens and signs out all of their browser sessions.
    /// </summary>
    public async Task<UserPayload> ResetPassword(ResetPasswordInput input, IResolveContext context,
        AccountService accounts, AccessPolicy policy)
    {
        await UserAdmin.RequireAsync(policy, ApiCaller.Of(context), context.CancellationToken);
        var user = await UserAdmin.Find(accounts, input.Id, context.CancellationToken);
        await UserAdmin.Run(async () =>
        {
            await accounts.SetPasswordAsync(user, input.Password, input.KeepSessions, context.CancellationToken);
            return user;
        });
        return new UserPayload(UserInfo.Full(user));
    }

    [Memento.GraphQL.CodeFirst.GraphQLName("setSysadm")]
    public async Task<UserPayload> SetSysadm(SetSysadmInput input, IResolveContext context, AccountService accounts,
        AccessPolicy policy)
    {
        var caller = ApiCaller.Of(context);
        await UserAdmin.RequireAsync(policy, caller, context.CancellationToken);
        if (input.Id == caller.UserId && !input.IsSysadm)
            throw MementoException.Conflict("You cannot remove your own system administrator role; ask another administrator.");
        var user = await UserAdmin.Find(accounts, input.Id, context.CancellationToken);
        await accounts.SetSysAdminAsync(user, input.IsSysadm, context.CancellationToken);
        return new UserPayload(UserInfo.Full(user));
    }

    public async Task<DeletePayload> DeleteUser(DeleteInput input, IResolveContext context, AccountService accounts,
        AccessPolicy policy)
    {
        var caller = ApiCaller.Of(context);
        await UserAdmin.RequireAsync(policy, caller, context.CancellationToken);
        if (input.Id == caller.UserId)
            throw MementoException.Conflict("You cannot delete your own account.");
        var user = await UserAdmin.Find(accounts, input.Id, context.CancellationToken);
        try
        {
            await accounts.DeleteUserAsync(user, context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            throw MementoException.Conflict("This user still owns data that cannot be removed with the account.");
        }
        return new DeletePayload(input.Id);
    }
}

internal static class UserAdmin
{
    /// <summary>A system administrator by account flag or by the sysadm role code.</summary>
    public static Task RequireAsync(AccessPolicy policy, Caller caller, CancellationToken ct) =>
        policy.RequireSysAdminAsync(caller, ct, "Only system administrators manage users.");

    public static async Task<User> Find(AccountService accounts, long id, CancellationToken ct) =>
        await accounts.FindByIdAsync(id, ct) ?? throw MementoException.NotFound("User", id);

    /// <summary>Turns the account rules' refusals (bad name, name taken, short password) into API errors.</summary>
    public static async Task<User> Run(Func<Task<User>> action)
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
