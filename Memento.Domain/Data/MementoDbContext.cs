using Memento.Domain.Data.Conversions;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Data;

/// <summary>The one EF Core context for Memento's data, on SQLite or PostgreSQL.</summary>
public class MementoDbContext(DbContextOptions<MementoDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Annotation> Annotations => Set<Annotation>();
    public DbSet<Layer> Layers => Set<Layer>();
    public DbSet<Image> Images => Set<Image>();
    public DbSet<Label> Labels => Set<Label>();
    public DbSet<AnnotationLabel> AnnotationLabels => Set<AnnotationLabel>();
    public DbSet<Classification> Classifications => Set<Classification>();
    public DbSet<CategoryClassification> CategoryClassifications => Set<CategoryClassification>();
    public DbSet<ClassificationChoice> ClassificationChoices => Set<ClassificationChoice>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<ObjectType> ObjectTypes => Set<ObjectType>();
    public DbSet<ObjectTypeParent> ObjectTypeParents => Set<ObjectTypeParent>();
    public DbSet<ObjectTypeAncestor> ObjectTypeAncestors => Set<ObjectTypeAncestor>();
    public DbSet<ImageObject> ImageObjects => Set<ImageObject>();
    public DbSet<Licence> Licences => Set<Licence>();
    public DbSet<ImageLicence> ImageLicences => Set<ImageLicence>();
    public DbSet<Nature> Natures => Set<Nature>();
    public DbSet<Gallery> Galleries => Set<Gallery>();
    public DbSet<GalleryImage> GalleryImages => Set<GalleryImage>();
    public DbSet<GalleryTrustedUser> GalleryTrustedUsers => Set<GalleryTrustedUser>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();
    public DbSet<Permission> Permissions => Set<Permission>();
    public DbSet<BackgroundJob> BackgroundJobs => Set<BackgroundJob>();

    /// <summary>Events raised in this unit of work, published when it commits (see <see cref="Events.DomainEvents"/>).</summary>
    internal Events.EventOutbox? Outbox { get; set; }

    // Every context, however its options were built (the host, tests, tools), tells its outbox about commits.
    protected override void OnConfiguring(DbContextOptionsBuilder options) =>
        options.AddInterceptors(Events.DomainEventsInterceptor.Instance);

    /// <summary>Which engine this context talks to.</summary>
    public DatabaseProvider Provider => Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // One time representation per provider for every DateTimeOffset, so ordering and comparison work in SQL.
        if (Provider == DatabaseProvider.Sqlite)
            configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        else
            configuration.Properties<DateTimeOffset>().HaveConversion<UtcNormalizingConverter>();

        // Enums with a code in the manual are stored as that code; the rest by name. Never as ordinals, which
        // would silently change meaning if members were reordered.
        configuration.Properties<AnnotationStatus>().HaveConversion<AnnotationStatusConverter>().HaveMaxLength(1);
        configuration.Properties<ImageType>().HaveConversion<ImageTypeConverter>().HaveMaxLength(1);
        configuration.Properties<PermissionRole>().HaveConversion<PermissionRoleConverter>().HaveMaxLength(8);
        configuration.Properties<ProjectVisibility>().HaveConversion<string>().HaveMaxLength(16);
        configuration.Properties<LayerKind>().HaveConversion<string>().HaveMaxLength(16);
        configuration.Properties<ImageProcessingState>().HaveConversion<string>().HaveMaxLength(16);
        configuration.Properties<RegionShape>().HaveConversion<string>().HaveMaxLength(16);
        configuration.Properties<BackgroundJobState>().HaveConversion<string>().HaveMaxLength(16);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Every tracked change to an annotation advances its Version, so the concurrency check holds for all code
    // paths without each caller remembering to increment it. (ExecuteUpdate bypasses this and must set it itself.)
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Annotation>())
            if (entry.State == EntityState.Modified) entry.Entity.Version++;
    }

    protected override void OnModelCreating(ModelBuilder model) =>
        model.ApplyConfigurationsFromAssembly(typeof(MementoDbContext).Assembly);
}
