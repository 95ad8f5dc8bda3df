using Memento.Domain.Authorization;
using Memento.Domain.Services.Permissions;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Permissions;

public sealed record PermissionPayload(MemberInfo Permission);

public sealed record RevokeRolePayload(bool Revoked);
