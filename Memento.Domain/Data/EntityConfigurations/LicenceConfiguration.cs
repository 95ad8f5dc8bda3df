using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class LicenceConfiguration : IEntityTypeConfiguration<Licence>
{
    public void Configure(EntityTypeBuilder<Licence> licence)
    {
        licence.ToTable("Licences");
        licence.Property(l => l.Id).HasMaxLength(100);
        licence.Property(l => l.Title).HasMaxLength(200).IsRequired();
        licence.Property(l => l.Description).IsRequired();
        licence.Property(l => l.InfoUrl).HasMaxLength(2048);
        licence.Property(l => l.LegalTextUrl).HasMaxLength(2048);
        licence.Property(l => l.LogoUrl).HasMaxLength(2048);
        licence.HasData(SeedData.Licences);
    }
}
