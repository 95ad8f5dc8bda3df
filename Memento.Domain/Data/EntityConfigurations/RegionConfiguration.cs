using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> region)
    {
        region.ToTable("Regions");
        region.Property(r => r.GeometryJson).IsRequired();
        region.HasOne(r => r.Layer).WithMany(l => l.Regions).HasForeignKey(r => r.LayerId)
            .OnDelete(DeleteBehavior.Cascade);
        region.HasOne(r => r.ObjectType).WithMany().HasForeignKey(r => r.ObjectTypeId).OnDelete(DeleteBehavior.SetNull);
        region.HasOne(r => r.CreatedBy).WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
