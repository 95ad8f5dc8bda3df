using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> link)
    {
        // Exactly one target: a link to nothing or to two things would be ambiguous to check.
        link.ToTable("ShareLinks", t => t.HasCheckConstraint("CK_ShareLinks_OneTarget",
            "(\"AnnotationId\" IS NULL AND \"ImageId\" IS NOT NULL) OR (\"AnnotationId\" IS NOT NULL AND \"ImageId\" IS NULL)"));
        link.Property(l => l.TokenHash).HasMaxLength(64).IsRequired();
        link.HasIndex(l => l.TokenHash).IsUnique();
        link.Property(l => l.TokenSalt).HasMaxLength(64);
        link.HasOne(l => l.Annotation).WithMany(a => a.ShareLinks).HasForeignKey(l => l.AnnotationId)
            .OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.Image).WithMany().HasForeignKey(l => l.ImageId).OnDelete(DeleteBehavior.Cascade);
        // A deleted account's links stop working rather than outliving the person who vouched for them.
        link.HasOne(l => l.CreatedBy).WithMany().HasForeignKey(l => l.CreatedById).OnDelete(DeleteBehavior.Cascade);
    }
}
