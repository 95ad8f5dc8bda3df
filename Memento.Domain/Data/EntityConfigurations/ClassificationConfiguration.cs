using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class ClassificationConfiguration : IEntityTypeConfiguration<Classification>
{
    public void Configure(EntityTypeBuilder<Classification> classification)
    {
        classification.ToTable("Classifications");
        classification.Property(c => c.Name).HasMaxLength(200).IsRequired();
        classification.HasIndex(c => new { c.ProjectId, c.Name }).IsUnique();
        classification.Property(c => c.TypeCode).HasMaxLength(8).IsRequired();
        classification.Property(c => c.OptionData).IsRequired();
        classification.HasOne(c => c.Project).WithMany(p => p.Classifications).HasForeignKey(c => c.ProjectId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
