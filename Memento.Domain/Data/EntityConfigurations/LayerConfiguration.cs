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
        // The columns arrived after layers existed (0005_layer_version): existing layers start at version 0.
        layer.Property(l => l.Version).HasDefaultValue(0);
        layer.HasOne(l => l.ChangedBy).WithMany().HasForeignKey(l => l.ChangedById).OnDelete(DeleteBehavior.SetNull);
    }
}
