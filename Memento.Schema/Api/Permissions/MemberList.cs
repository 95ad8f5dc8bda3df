using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Querying;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Permissions;
using Microsoft.Extensions.DependencyInjection;
using ObjectType = Memento.GraphQL.Types.ObjectType;

namespace Memento.Schema.Api.Permissions;

/// <summary>The <c>members(scope, scopeId)</c> connection: who holds a role exactly at a scope (project administrators only).</summary>
public static class MemberList
{
    public static QueryableType<Permission> Type(ObjectType memberInfo, QueryableType<User> user) =>
        QueryableType<Permission>.Over(memberInfo, PermissionService.Info, keyField: "permissionId")
            .Field(p => p.UserId, Allow.Filter)
            .Field(p => p.Role, Allow.Filter)
            .Field(p => p.ScopeId)
            .Reads("userName", p => p.User, user, u => u.UserName)
            .Reads("code", p => p.Role)
            .Reads("participates", p => p.Role)
            .FilterThrough(p => p.User, user);

    public static FieldDefinition Field(QueryableType<Permission> type)
    {
        var field = ConnectionField.For("members", type, context =>
            {
                var scope = (RoleScope)context.Arguments["scope"]!;
                if (scope == RoleScope.System)
                    throw MementoException.Validation("scope", "Members are listed for a project, category or annotation.");
                return context.Services.GetRequiredService<PermissionService>().MembersAsync(ApiCaller.Of(context), scope,
                    (long)context.Arguments["scopeId"]!, context.CancellationToken);
            },
            description: "Everyone holding a role exactly at this scope: PROJECT (proadm, propar, provie), CATEGORY (catpar, " +
                "catvie) or ANNOTATION (annpar, annvie). Project administrators only; by id unless ordered.");
        field.AddArgument(new ArgumentDefinition("scope", ClrTypes.EnumOf(typeof(RoleScope)).NonNull()));
        field.AddArgument(new ArgumentDefinition("scopeId", ScalarType.Long.NonNull()));
        return field;
    }
}
