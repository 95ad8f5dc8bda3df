using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class AnnotationConfiguration : IEntityTypeConfiguration<Annotation>
{
    public void Configure(EntityTypeBuilder<Annotation> annotation)
    {
        annotation.ToTable("Annotations", t =>
            t.HasCheckConstraint("CK_Annotations_Status", "\"Status\" IN ('N', 'S')"));
        annotation.Property(a => a.Name).HasMaxLength(200).IsRequired();
        annotation.HasIndex(a => new { a.CategoryId, a.Name }).IsUnique();
        annotation.Property(a => a.Version).IsConcurrencyToken();
        annotation.HasOne(a => a.Category).WithMany(c => c.Annotations).HasForeignKey(a => a.CategoryId)
            .OnDelete(DeleteBehavior.Cascade);
        annotation.HasOne(a => a.SubmittedBy).WithMany().HasForeignKey(a => a.SubmittedById)
            .OnDelete(DeleteBehavior.SetNull);
        annotation.HasMany(a => a.Labels).WithMany(l => l.Annotations)
            .UsingEntity<AnnotationLabel>(
                r => r.HasOne<Label>().WithMany().HasForeignKey(x => x.LabelId).OnDelete(DeleteBehavior.Cascade),
                l => l.HasOne<Annotation>().WithMany().HasForeignKey(x => x.AnnotationId).OnDelete(DeleteBehavior.Cascade),
                j => j.ToTable("AnnotationLabels").HasKey(x => new { x.AnnotationId, x.LabelId }));
    }
}
