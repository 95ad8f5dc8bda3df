using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class ImageConfiguration : IEntityTypeConfiguration<Image>
{
    public void Configure(EntityTypeBuilder<Image> image)
    {
        image.ToTable("Images", t =>
        {
            t.HasCheckConstraint("CK_Images_FormatCode", "\"FormatCode\" BETWEEN 1 AND 5");
            t.HasCheckConstraint("CK_Images_ProgressPercent", "\"ProgressPercent\" BETWEEN 0 AND 100");
            t.HasCheckConstraint("CK_Images_Type", "\"Type\" IN ('', 'T', 'E')");
        });
        image.Property(i => i.Name).HasMaxLength(255).IsRequired();
        image.HasIndex(i => new { i.ProjectId, i.Name }).IsUnique();
        image.Property(i => i.ExternalUrl).HasMaxLength(2048);
        image.Property(i => i.MimeType).HasMaxLength(100);
        image.Property(i => i.StorageDirectory).HasMaxLength(500);
        image.Property(i => i.OriginalFileName).HasMaxLength(500);
        image.Property(i => i.Title).HasMaxLength(500).IsRequired();
        image.Property(i => i.Description).IsRequired();
        image.Property(i => i.OriginUrl).HasMaxLength(2048);
        image.HasIndex(i => i.UploadedAt);
        // The dataset search's orderings: titles in code-point order (collation "C" on PostgreSQL, SQLite's default)
        // and the trigger-kept region count, each with the id as tie-break, so a first page is an index range scan.
        image.HasIndex(i => new { i.Title, i.Id }).UseCollation("C");
        image.Property(i => i.RegionCount).HasDefaultValue(0);
        image.HasIndex(i => new { i.RegionCount, i.Id });

        image.HasOne(i => i.Project).WithMany(p => p.Images).HasForeignKey(i => i.ProjectId)
            .OnDelete(DeleteBehavior.Cascade);
        image.HasOne(i => i.Uploader).WithMany().HasForeignKey(i => i.UploaderId).OnDelete(DeleteBehavior.SetNull);
        image.HasOne(i => i.Nature).WithMany().HasForeignKey(i => i.NatureId).OnDelete(DeleteBehavior.SetNull);
        // One-to-one: the unique index on ReplacesId means an image is replaced by at most one other.
        image.HasOne(i => i.Replaces).WithOne(i => i.ReplacedBy).HasForeignKey<Image>(i => i.ReplacesId)
            .OnDelete(DeleteBehavior.SetNull);
        image.HasOne(i => i.CopiedFrom).WithMany().HasForeignKey(i => i.CopiedFromId).OnDelete(DeleteBehavior.SetNull);
        image.HasMany(i => i.Licences).WithMany(l => l.Images)
            .UsingEntity<ImageLicence>(
                                // A licence in use cannot be deleted out from under the images that carry it.
                r => r.HasOne<Licence>().WithMany().HasForeignKey(x => x.LicenceId).OnDelete(DeleteBehavior.Restrict),
                l => l.HasOne<Image>().WithMany().HasForeignKey(x => x.ImageId).OnDelete(DeleteBehavior.Cascade),
                j => j.ToTable("ImageLicences").HasKey(x => new { x.ImageId, x.LicenceId }));
    }
}
