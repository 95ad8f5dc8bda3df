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
        project.HasIndex(p => p.Name).IsUnique();
        project.Property(p => p.Settings).IsRequired();
        // Deleting an account must not delete the experiments it owned.
        project.HasOne(p => p.Owner).WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}
