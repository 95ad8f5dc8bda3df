using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class NatureConfiguration : IEntityTypeConfiguration<Nature>
{
    public void Configure(EntityTypeBuilder<Nature> nature)
    {
        nature.ToTable("Natures");
        nature.Property(n => n.Id).HasMaxLength(100);
        nature.Property(n => n.Description).IsRequired();
        nature.HasData(SeedData.Natures);
    }
}
