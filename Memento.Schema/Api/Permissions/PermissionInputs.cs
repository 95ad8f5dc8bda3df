using Memento.Domain.Authorization;
using Memento.Domain.Services.Permissions;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Permissions;

/// <summary>A role by the manual's code (propar, catvie, …) on a project, category or annotation id.</summary>
public sealed record GrantRoleInput(long UserId, string Code, long? ScopeId = null);
