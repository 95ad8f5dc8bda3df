using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class PermissionConfiguration : IEntityTypeConfiguration<Permission>
{
    public void Configure(EntityTypeBuilder<Permission> permission)
    {
        // sysadm is global, every other role needs a scope.
        permission.ToTable("Permissions", t => t.HasCheckConstraint("CK_Permissions_Scope",
            "(\"Role\" = 'sysadm' AND \"ScopeId\" IS NULL) OR (\"Role\" <> 'sysadm' AND \"ScopeId\" IS NOT NULL)"));
        permission.HasIndex(p => new { p.UserId, p.Role, p.ScopeId }).IsUnique();
        // NULLs are distinct in unique indexes on both providers, so global roles need their own filtered index.
        permission.HasIndex(p => new { p.UserId, p.Role }).IsUnique().HasFilter("\"ScopeId\" IS NULL")
            .HasDatabaseName("IX_Permissions_UserId_Role_Global");
        // Container deletion and "who can see project X" look rows up by scope.
        permission.HasIndex(p => new { p.Role, p.ScopeId });
        permission.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
