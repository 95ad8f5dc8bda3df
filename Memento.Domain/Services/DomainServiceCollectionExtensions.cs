using Memento.Domain.Authorization;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Classifications;
using Memento.Domain.Services.Comments;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Labels;
using Memento.Domain.Services.Layers;
using Memento.Domain.Services.Permissions;
using Memento.Domain.Services.Projects;
using Memento.Domain.Services.Regions;
using Memento.Domain.Services.Reports;
using Memento.Domain.Services.ShareLinks;
using Memento.Domain.Services.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Memento.Domain.Services;

public static class DomainServiceCollectionExtensions
{
    /// <summary>
    /// The access policy and the domain services, scoped per request (the policy caches answers for one request).
    /// The host registers <c>MementoDbContext</c>, <c>ImageDirectories</c> and <c>ContainerDeletion</c> (it knows the data directory).
    /// </summary>
    public static IServiceCollection AddMementoDomainServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AccessPolicy>();
        // One event hub per process; on PostgreSQL the host adds the relay to the other instances.
        services.TryAddSingleton(sp => new Events.EventHub(sp.GetService<Microsoft.Extensions.Logging.ILogger<Events.EventHub>>()));
        services.TryAddSingleton<Events.IEventHub>(sp => sp.GetRequiredService<Events.EventHub>());
        services.AddScoped<Events.IDomainEvents, Events.DomainEvents>();
        services.AddScoped<ProjectService>();
        services.AddScoped<ProjectDirectory>();
        services.AddScoped<CategoryService>();
        services.AddScoped<AnnotationService>();
        services.AddScoped<LayerService>();
        services.AddScoped<LabelService>();
        services.AddScoped<ClassificationService>();
        services.AddScoped<CommentService>();
        services.AddScoped<RegionService>();
        services.AddScoped<ImageService>();
        services.AddScoped<ImageUploads>();
        services.AddScoped<ImageLifecycle>(); // needs the host's ImageDirectories (it knows the data directory)
        services.AddScoped<PermissionService>();
        services.AddScoped<ShareLinkService>();
        // The host registers the secret from its data directory (it wins); alone, links' URLs last as long as the process.
        services.TryAddSingleton(_ => ShareLinkSecret.Ephemeral());
        services.AddScoped<QuickShareService>();
        services.TryAddScoped<IShareLinkUrls, RelativeShareLinkUrls>();
        services.AddScoped<Memento.Domain.Services.ObjectTypes.ObjectTypeService>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<Accounts.UserAdministration>(); // needs the host's AccountService
        services.AddScoped<ReportService>();
        services.AddScoped<Datasets.PictureReader>();
        services.AddScoped<Datasets.Search.DatasetSearchService>();
        services.AddScoped<Ratings.RatingService>();
        services.AddScoped<Galleries.GalleryService>();
        services.AddScoped<Pictures.PictureLinkService>(); // needs the host's ImageDirectories
        services.AddScoped<Pictures.DatasetProject>(); // needs the host's DatasetOptions
        services.AddScoped<Pictures.PictureService>(); // the host's IPictureProbe reads sizes of uploads with regions
        services.AddScoped<Pictures.DatasetUserService>();
        services.AddScoped<Memento.Domain.Services.Licences.LicenceService>();
        services.AddScoped<Memento.Domain.Services.Natures.NatureService>();
        return services;
    }
}
