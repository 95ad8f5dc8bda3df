using Memento.Domain.Accounts;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Users;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Users;

/// <summary>
/// User look-ups: by name for any signed-in user (id and name only), a name search for whoever manages projects
/// (to add participants), the full list for sysadms.
/// </summary>
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

    /// <summary>
    /// Users whose name contains the text (names starting with it first), at most 50: ids and names only. For system
    /// administrators and whoever manages projects (may create projects or administers one), to find the people
    /// they add as participants and viewers.
    /// </summary>
    public Task<List<UserSummary>> SearchUsers(IResolveContext context, UserDirectory directory, string? text = null,
        int first = 20) =>
        directory.SearchAsync(ApiCaller.Of(context), text, first, context.CancellationToken);
}
