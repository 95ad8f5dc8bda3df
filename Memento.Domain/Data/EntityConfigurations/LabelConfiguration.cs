using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class LabelConfiguration : IEntityTypeConfiguration<Label>
{
    public void Configure(EntityTypeBuilder<Label> label)
    {
        label.ToTable("Labels");
        label.Property(l => l.Name).HasMaxLength(100).IsRequired();
        label.HasIndex(l => new { l.ProjectId, l.Name }).IsUnique();
        label.HasOne(l => l.Project).WithMany(p => p.Labels).HasForeignKey(l => l.ProjectId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
