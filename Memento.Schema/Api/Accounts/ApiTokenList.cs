using Memento.GraphQL.Types;
using ObjectType = Memento.GraphQL.Types.ObjectType;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Querying;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Schema.Api.Accounts;

/// <summary>The <c>apiTokens</c> connection: the caller's own tokens. The hash is never declared, so never read.</summary>
public static class ApiTokenList
{
    public static QueryableType<ApiToken> Type(ObjectType apiTokenInfo) =>
        QueryableType<ApiToken>.Over(apiTokenInfo, ApiTokenInfo.Of)
            .Field(t => t.Name, Allow.FilterAndSort)
            .Field(t => t.Prefix, Allow.Filter)
            .Field(t => t.CreatedAt, Allow.FilterAndSort)
            .Field(t => t.LastUsedAt, Allow.Filter)
            .Field(t => t.ExpiresAt, Allow.Filter)
            .Field(t => t.RevokedAt, Allow.Filter);

    public static FieldDefinition Field(QueryableType<ApiToken> type) =>
        ConnectionField.For("apiTokens", type, context =>
            {
                var userId = ApiCaller.Of(context).RequireUserId();
                return context.Services.GetRequiredService<MementoDbContext>().ApiTokens.AsNoTracking().Where(t => t.UserId == userId);
            },
            description: "The caller's API tokens, without their secrets; by id unless ordered (order: [{id: DESC}] for newest first).");
}
