using Memento.Domain.Accounts;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Users;

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
