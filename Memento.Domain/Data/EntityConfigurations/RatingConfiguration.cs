using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> rating)
    {
        rating.ToTable("Ratings", t => t.HasCheckConstraint("CK_Ratings_Stars", "\"Stars\" BETWEEN 1 AND 5"));
        rating.HasIndex(r => new { r.UserId, r.ImageId }).IsUnique();
        rating.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        rating.HasOne(r => r.Image).WithMany(i => i.Ratings).HasForeignKey(r => r.ImageId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
