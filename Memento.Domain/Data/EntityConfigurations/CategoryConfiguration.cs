using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.ToTable("Categories");
        category.Property(c => c.Name).HasMaxLength(200).IsRequired();
        category.HasIndex(c => new { c.ProjectId, c.Name }).IsUnique();
        category.Property(c => c.Settings).IsRequired();
        category.HasOne(c => c.Project).WithMany(p => p.Categories).HasForeignKey(c => c.ProjectId)
            .OnDelete(DeleteBehavior.Cascade);
        category.HasMany(c => c.Classifications).WithMany(c => c.Categories)
            .UsingEntity<CategoryClassification>(
                r => r.HasOne<Classification>().WithMany().HasForeignKey(x => x.ClassificationId).OnDelete(DeleteBehavior.Cascade),
                l => l.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Cascade),
                j => j.ToTable("CategoryClassifications").HasKey(x => new { x.CategoryId, x.ClassificationId }));
    }
}
