using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class ObjectTypeConfiguration : IEntityTypeConfiguration<ObjectType>
{
    public void Configure(EntityTypeBuilder<ObjectType> objectType)
    {
        objectType.ToTable("ObjectTypes");
        objectType.Property(o => o.Id).HasMaxLength(100);
        objectType.Property(o => o.Description).IsRequired();
        objectType.HasMany(o => o.Parents).WithMany(o => o.Children)
            .UsingEntity<ObjectTypeParent>(
                r => r.HasOne<ObjectType>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Cascade),
                l => l.HasOne<ObjectType>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade),
                j =>
                {
                    j.HasKey(x => new { x.ChildId, x.ParentId });
                    j.ToTable("ObjectTypeParents", t => t.HasCheckConstraint("CK_ObjectTypeParents_NotSelf", "\"ChildId\" <> \"ParentId\""));
                });
    }
}
