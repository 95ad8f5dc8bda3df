using Memento.Domain.Authorization;
using Memento.Domain.Data;
using Memento.Domain.Events;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Permissions;

public sealed record MemberInfo(long PermissionId, long UserId, string UserName, PermissionRole Role, long? ScopeId)
{
    public string Code => Role.ToCode();
    public bool Participates => Role.Participates();
}

/// <summary>
/// Participants and viewers at project, category and annotation scope (and project administrators): granted,
/// revoked and listed by the administrators of the project concerned; sysadm only by sysadms.
/// </summary>
public sealed class PermissionService(MementoDbContext db, AccessPolicy policy, TimeProvider clock, IDomainEvents events)
{
    /// <summary>Gives the role; granting a role the user already holds returns the existing grant.</summary>
    public async Task<MemberInfo> GrantAsync(Caller caller, long userId, PermissionRole role, long? scopeId,
        CancellationToken ct = default)
    {
        var projectId = await RequireManageAsync(caller, role, scopeId, ct);
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) throw MementoException.NotFound("User", userId);
        var scope = role == PermissionRole.SysAdm ? null : scopeId;
        if (await FindAsync(userId, role, scope, ct) is { } existing) return existing;
        db.Permissions.Add(new Permission { UserId = userId, Role = role, ScopeId = scope, GrantedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Common.DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // a concurrent identical grant won; the outcome is the same
        }
        policy.Invalidate();
        RaiseChanged(projectId);
        return (await FindAsync(userId, role, scope, ct))!;
    }

    /// <summary>Removes the role; false when the user did not hold it.</summary>
    public async Task<bool> RevokeAsync(Caller caller, long userId, PermissionRole role, long? scopeId,
        CancellationToken ct = default)
    {
        var projectId = await RequireManageAsync(caller, role, scopeId, ct);
        var scope = role == PermissionRole.SysAdm ? null : scopeId;
        var removed = await db.Permissions.Where(p => p.UserId == userId && p.Role == role && p.ScopeId == scope)
            .ExecuteDeleteAsync(ct);
        policy.Invalidate();
        if (removed > 0) RaiseChanged(projectId);
        return removed > 0;
    }

    // A revoked member's live views stop at once; the project editor's participant counter follows.
    private void RaiseChanged(long? projectId)
    {
        if (projectId is { } id) events.AccessAndCountersChanged(id);
        else events.Raise(AccessChanged.Everywhere); // sysadm: every project
    }

    /// <summary>Everyone holding a role exactly at this scope (participants, viewers, and proadm on a project).</summary>
    public async Task<List<MemberInfo>> ListAsync(Caller caller, RoleScope scope, long scopeId,
        CancellationToken ct = default) =>
        await (await MembersAsync(caller, scope, scopeId, ct)).OrderBy(p => p.User.UserName)
            .Select(p => new MemberInfo(p.Id, p.UserId, p.User.UserName, p.Role, p.ScopeId)).ToListAsync(ct);

    /// <summary>A permission row (possibly projected to a few columns, its user to the name) as the API returns it.</summary>
    public static MemberInfo Info(Permission p) => new(p.Id, p.UserId, p.User?.UserName ?? "", p.Role, p.ScopeId);

    /// <summary>
    /// The roles held exactly at this scope, once the caller is known to administer its project (NOT_FOUND for a
    /// missing scope); the API pages this query.
    /// </summary>
    public async Task<IQueryable<Permission>> MembersAsync(Caller caller, RoleScope scope, long scopeId,
        CancellationToken ct = default)
    {
        var projectId = await ProjectOfScopeAsync(scope, scopeId, ct);
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        var roles = scope switch
        {
            RoleScope.Project => new[] { PermissionRole.ProAdm, PermissionRole.ProPar, PermissionRole.ProVie },
            RoleScope.Category => [PermissionRole.CatPar, PermissionRole.CatVie],
            _ => [PermissionRole.AnnPar, PermissionRole.AnnVie],
        };
        return db.Permissions.AsNoTracking().Where(p => roles.Contains(p.Role) && p.ScopeId == scopeId);
    }

    /// <summary>The project the role is scoped in (null for sysadm), once the caller may manage it.</summary>
    private async Task<long?> RequireManageAsync(Caller caller, PermissionRole role, long? scopeId, CancellationToken ct)
    {
        caller.RequireUserId();
        if (role == PermissionRole.SysAdm)
        {
            await policy.RequireSysAdminAsync(caller, ct);
            return null;
        }
        if (scopeId is not { } id)
            throw MementoException.Validation("scopeId", $"The role {role.ToCode()} needs a scope id.");
        var projectId = await ProjectOfScopeAsync(role.Scope(), id, ct);
        await policy.RequireAdministerProjectAsync(caller, projectId, ct);
        return projectId;
    }

    /// <summary>The project a scope id belongs to; NOT_FOUND when the scope does not exist.</summary>
    private async Task<long> ProjectOfScopeAsync(RoleScope scope, long scopeId, CancellationToken ct) => scope switch
    {
        RoleScope.Project => await db.Projects.AnyAsync(p => p.Id == scopeId, ct) ? scopeId
            : throw MementoException.NotFound("Project", scopeId),
        RoleScope.Category => await db.Categories.Where(c => c.Id == scopeId).Select(c => (long?)c.ProjectId)
            .SingleOrDefaultAsync(ct) ?? throw MementoException.NotFound("Category", scopeId),
        RoleScope.Annotation => await db.Annotations.Where(a => a.Id == scopeId)
            .Select(a => (long?)a.Category.ProjectId).SingleOrDefaultAsync(ct)
            ?? throw MementoException.NotFound("Annotation", scopeId),
        _ => throw MementoException.Validation("scope", "sysadm has no scope."),
    };

    private Task<MemberInfo?> FindAsync(long userId, PermissionRole role, long? scope, CancellationToken ct) =>
        db.Permissions.AsNoTracking().Where(p => p.UserId == userId && p.Role == role && p.ScopeId == scope)
            .Select(p => new MemberInfo(p.Id, p.UserId, p.User.UserName, p.Role, p.ScopeId)).SingleOrDefaultAsync(ct);
}
