using Memento.Domain.Accounts;
using Memento.Domain.Authorization;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Schema.Api.Accounts;

/// <summary>The signed-in user and their API tokens.</summary>
public sealed class AccountQueries
{
    /// <summary>The signed-in user, or null when anonymous.</summary>
    public async Task<UserInfo?> Me(IResolveContext context, AccountService accounts)
    {
        var caller = ApiCaller.Of(context);
        if (caller.UserId is not { } id) return null;
        var user = await accounts.FindByIdAsync(id, context.CancellationToken);
        return user is null ? null : UserInfo.Full(user);
    }
}
