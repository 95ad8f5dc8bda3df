using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class LayerConfiguration : IEntityTypeConfiguration<Layer>
{
    public void Configure(EntityTypeBuilder<Layer> layer)
    {
        layer.ToTable("Layers");
        layer.Property(l => l.Name).HasMaxLength(200).IsRequired();
        layer.Property(l => l.Settings).IsRequired();
        layer.HasIndex(l => new { l.AnnotationId, l.Sequence });
        layer.HasOne(l => l.Annotation).WithMany(a => a.Layers).HasForeignKey(l => l.AnnotationId)
            .OnDelete(DeleteBehavior.Cascade);
        // An image layer outlives its image only as an empty layer; images are removed with their project.
        layer.HasOne(l => l.Image).WithMany().HasForeignKey(l => l.ImageId).OnDelete(DeleteBehavior.SetNull);
        // Deleting a group deletes what is inside it.
        layer.HasOne(l => l.ParentLayer).WithMany(l => l.Children).HasForeignKey(l => l.ParentLayerId)
            .OnDelete(DeleteBehavior.Cascade);
        layer.HasOne(l => l.Owner).WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}
