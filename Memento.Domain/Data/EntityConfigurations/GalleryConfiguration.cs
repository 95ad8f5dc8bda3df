using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class GalleryConfiguration : IEntityTypeConfiguration<Gallery>
{
    public void Configure(EntityTypeBuilder<Gallery> gallery)
    {
        gallery.ToTable("Galleries");
        gallery.Property(g => g.Title).HasMaxLength(200).IsRequired();
        gallery.Property(g => g.Description).IsRequired();
        gallery.HasOne(g => g.Owner).WithMany().HasForeignKey(g => g.OwnerId).OnDelete(DeleteBehavior.Cascade);
        gallery.HasMany(g => g.Images).WithMany(i => i.Galleries)
            .UsingEntity<GalleryImage>(
                r => r.HasOne<Image>().WithMany().HasForeignKey(x => x.ImageId).OnDelete(DeleteBehavior.Cascade),
                l => l.HasOne<Gallery>().WithMany().HasForeignKey(x => x.GalleryId).OnDelete(DeleteBehavior.Cascade),
                j => j.ToTable("GalleryImages").HasKey(x => new { x.GalleryId, x.ImageId }));
        gallery.HasMany(g => g.TrustedUsers).WithMany()
            .UsingEntity<GalleryTrustedUser>(
                r => r.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade),
                l => l.HasOne<Gallery>().WithMany().HasForeignKey(x => x.GalleryId).OnDelete(DeleteBehavior.Cascade),
                j => j.ToTable("GalleryTrustedUsers").HasKey(x => new { x.GalleryId, x.UserId }));
    }
}
