using Memento.GraphQL.Types;
using Memento.Domain.Accounts;
using Memento.Schema.Api.Common;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Users;

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
