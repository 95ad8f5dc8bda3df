using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Permissions;

namespace Memento.Schema.Api.Permissions;

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
