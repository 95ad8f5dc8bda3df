using Memento.Domain.Accounts;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Users;

public sealed record UserPayload(UserInfo User);

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
