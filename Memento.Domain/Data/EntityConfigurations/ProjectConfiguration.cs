using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> project)
    {
        project.ToTable("Projects");
        project.Property(p => p.Name).HasMaxLength(200).IsRequired();
        // Unique per owner, not server-wide: a server-wide index let anyone probe for hidden projects by name
        // (CONFLICT on create). Projects whose owner was deleted (OwnerId null) are not constrained among
        // themselves, since NULLs are distinct in a unique index on both databases; they cannot collide with a
        // live owner's names either.
        project.HasIndex(p => new { p.OwnerId, p.Name }).IsUnique();
        project.Property(p => p.Settings).IsRequired();
        // Deleting an account must not delete the experiments it owned.
        project.HasOne(p => p.Owner).WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}
