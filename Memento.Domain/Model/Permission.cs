namespace Memento.Domain.Model;

/// <summary>
/// A role a user holds on a scope. The scope id is a project, category or annotation id according to the role
/// (pro*, cat*, ann*), and null for sysadm. It has no foreign key because its target table depends on the role,
/// so container deletion removes scoped rows explicitly.
/// </summary>
public class Permission
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public User User { get; set; } = null!;
    public PermissionRole Role { get; set; }
    public long? ScopeId { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
}
