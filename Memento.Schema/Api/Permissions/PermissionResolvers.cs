using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Permissions;

namespace Memento.Schema.Api.Permissions;

/// <summary>A role by the manual's code (propar, catvie, …) on a project, category or annotation id.</summary>
public sealed record GrantRoleInput(long UserId, string Code, long? ScopeId = null);
public sealed record PermissionPayload(MemberInfo Permission);
public sealed record RevokeRolePayload(bool Revoked);

public sealed class PermissionMutations
{
    public async Task<PermissionPayload> GrantRole(GrantRoleInput input, IResolveContext context,
        PermissionService permissions) =>
        new(await permissions.GrantAsync(ApiCaller.Of(context), input.UserId, Role(input.Code), input.ScopeId,
            context.CancellationToken));

    public async Task<RevokeRolePayload> RevokeRole(GrantRoleInput input, IResolveContext context,
        PermissionService permissions) =>
        new(await permissions.RevokeAsync(ApiCaller.Of(context), input.UserId, Role(input.Code), input.ScopeId,
            context.CancellationToken));

    private static Memento.Domain.Model.PermissionRole Role(string code) => RoleCodes.TryParse(code, out var role) ? role
        : throw MementoException.Validation("code", "The role must be one of sysadm, proadm, propar, catpar, annpar, provie, catvie, annvie.");
}
