using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.ToTable("Users");
        user.Property(u => u.UserName).HasMaxLength(150).IsRequired();
        user.Property(u => u.NormalizedUserName).HasMaxLength(150).IsRequired();
        // Case-insensitive uniqueness lives in the normalized column, which behaves the same on both providers.
        user.HasIndex(u => u.NormalizedUserName).IsUnique();
        user.Property(u => u.PasswordHash).HasMaxLength(512);
        user.Property(u => u.SecurityStamp).HasMaxLength(64).IsRequired();
        // The column arrived after accounts existed (0003_user_proadm): existing rows start without the code.
        user.Property(u => u.IsProAdm).HasDefaultValue(false);
    }
}
