using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class ImageObjectConfiguration : IEntityTypeConfiguration<ImageObject>
{
    public void Configure(EntityTypeBuilder<ImageObject> contents)
    {
        contents.ToTable("ImageObjects");
        // Searched by object first ("which images hold a cat"), then probed per image.
        contents.HasKey(c => new { c.ObjectTypeId, c.ImageId });
        contents.HasIndex(c => c.ImageId);
        contents.HasOne<Image>().WithMany().HasForeignKey(c => c.ImageId).OnDelete(DeleteBehavior.Cascade);
        contents.HasOne<ObjectType>().WithMany().HasForeignKey(c => c.ObjectTypeId).OnDelete(DeleteBehavior.Cascade);
    }
}
