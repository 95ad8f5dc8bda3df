using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Memento.Domain.Data.EntityConfigurations;

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> job)
    {
        job.ToTable("BackgroundJobs", t =>
        {
            t.HasCheckConstraint("CK_BackgroundJobs_ProgressPercent", "\"ProgressPercent\" BETWEEN 0 AND 100");
            t.HasCheckConstraint("CK_BackgroundJobs_Attempts", "\"Attempts\" >= 0 AND \"MaxAttempts\" >= 1");
        });
        job.Property(j => j.Kind).HasMaxLength(100).IsRequired();
        job.Property(j => j.PayloadJson).IsRequired();
        job.Property(j => j.LeaseOwner).HasMaxLength(200);
        // The queue's claim query: next queued job whose RunAfter has passed.
        job.HasIndex(j => new { j.State, j.RunAfter });
    }
}
