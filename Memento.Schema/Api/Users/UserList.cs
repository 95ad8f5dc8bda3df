using Memento.Domain.Accounts;
using Memento.Domain.Authorization;
using Memento.GraphQL.Types;
using ObjectType = Memento.GraphQL.Types.ObjectType;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Querying;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Schema.Api.Users;

/// <summary>The <c>users</c> connection (system administrators only).</summary>
public static class UserList
{
    /// <summary>
    /// Only the id and name are filterable and sortable: the same filter serves <c>projects(where: { owner: … })</c>,
    /// open to every caller, who may learn names but not who is a sysadm or disabled. Password hashes, security
    /// stamps and lockout state are never declared, so they are never read.
    /// </summary>
    public static QueryableType<User> Type(ObjectType userInfo) =>
        QueryableType<User>.Over(userInfo, UserInfo.Full)
            .Field(u => u.UserName, Allow.FilterAndSort, name: "username")
            .Field(u => u.IsSysAdmin, name: "isSysadm")
            .Field(u => u.IsProAdm, name: "isProadm")
            .Field(u => u.IsDisabled)
            .Field(u => u.CreatedAt)
            .Field(u => u.LastLoginAt);

    public static FieldDefinition Field(QueryableType<User> type) =>
        ConnectionField.For("users", type, async context =>
            {
                await context.Services.GetRequiredService<UserAdministration>().RequireAsync(ApiCaller.Of(context), context.CancellationToken);
                return context.Services.GetRequiredService<MementoDbContext>().Users.AsNoTracking();
            },
            description: "Every user (system administrators only); by id unless ordered.");
}
