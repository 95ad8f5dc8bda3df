using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class ClassificationChoiceConfiguration : IEntityTypeConfiguration<ClassificationChoice>
{
    public void Configure(EntityTypeBuilder<ClassificationChoice> choice)
    {
        choice.ToTable("ClassificationChoices");
        choice.Property(c => c.SelectedOption).HasMaxLength(500).IsRequired();
        // One recorded answer per classification per annotation per annotator: each keeps their own choices.
        choice.HasIndex(c => new { c.AnnotationId, c.ClassificationId, c.ChosenById }).IsUnique();
        choice.HasOne(c => c.Annotation).WithMany(a => a.ClassificationChoices).HasForeignKey(c => c.AnnotationId)
            .OnDelete(DeleteBehavior.Cascade);
        choice.HasOne(c => c.Classification).WithMany().HasForeignKey(c => c.ClassificationId)
            .OnDelete(DeleteBehavior.Cascade);
        choice.HasOne(c => c.ChosenBy).WithMany().HasForeignKey(c => c.ChosenById).OnDelete(DeleteBehavior.SetNull);
    }
}
