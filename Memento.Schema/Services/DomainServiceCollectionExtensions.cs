using Memento.Schema.Authorization;
using Memento.Schema.Services.Annotations;
using Memento.Schema.Services.Categories;
using Memento.Schema.Services.Classifications;
using Memento.Schema.Services.Comments;
using Memento.Schema.Services.Images;
using Memento.Schema.Services.Labels;
using Memento.Schema.Services.Layers;
using Memento.Schema.Services.Permissions;
using Memento.Schema.Services.Projects;
using Memento.Schema.Services.Regions;
using Memento.Schema.Services.Reports;
using Memento.Schema.Services.ShareLinks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Memento.Schema.Services;

public static class DomainServiceCollectionExtensions
{
    /// <summary>
    /// The access policy and the domain services, scoped per request (the policy caches answers for one request).
    /// The host registers <c>MementoDbContext</c> and <c>ContainerDeletion</c> (it knows the data directory).
    /// </summary>
    public static IServiceCollection AddMementoDomainServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AccessPolicy>();
        services.AddScoped<ProjectService>();
        services.AddScoped<CategoryService>();
        services.AddScoped<AnnotationService>();
        services.AddScoped<LayerService>();
        services.AddScoped<LabelService>();
        services.AddScoped<ClassificationService>();
        services.AddScoped<CommentService>();
        services.AddScoped<RegionService>();
        services.AddScoped<ImageService>();
        services.AddScoped<PermissionService>();
        services.AddScoped<ShareLinkService>();
        services.AddScoped<ReportService>();
        return services;
    }
}
