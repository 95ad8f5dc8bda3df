using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class ObjectTypeAncestorConfiguration : IEntityTypeConfiguration<ObjectTypeAncestor>
{
    public void Configure(EntityTypeBuilder<ObjectTypeAncestor> closure)
    {
        closure.ToTable("ObjectTypeAncestors");
        // Looked up by ancestor ("everything under cell"), so the key starts with it.
        closure.HasKey(c => new { c.AncestorId, c.ObjectTypeId });
        closure.HasIndex(c => c.ObjectTypeId);
        closure.HasOne<ObjectType>().WithMany().HasForeignKey(c => c.ObjectTypeId).OnDelete(DeleteBehavior.Cascade);
        closure.HasOne<ObjectType>().WithMany().HasForeignKey(c => c.AncestorId).OnDelete(DeleteBehavior.Cascade);
    }
}
