using Memento.GraphQL.Http;
using Memento.GraphQL.Types;
using Memento.Schema.Api;
using Memento.Domain.Data;
using Memento.Domain.Services;
using Memento.Domain.Services.Images;
using Microsoft.Extensions.Options;

namespace Memento.Server.Hosting;

/// <summary>The product's GraphQL API at /graphql: domain services, the schema, and the engine's HTTP endpoint.</summary>
public static class ApiExtensions
{
    public static WebApplicationBuilder AddMementoApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddMementoDomainServices();
        // The share links' absolute URL for createShareLink and the share page (the configured public URL or the host).
        services.AddScoped<Memento.Domain.Services.ShareLinks.IShareLinkUrls, Memento.Server.Pages.Share.ShareLinkUrls>();
        // Share-link tokens are derived from this secret and each link's salt, so an active link's URL can be shown
        // again; a file of its own beside the tile key (same loader: 32 random bytes, owner-only, made on first start).
        services.AddSingleton(provider => new Memento.Domain.Services.ShareLinks.ShareLinkSecret(
            Memento.Imaging.Tiles.TileSigningKey.LoadOrCreate(Path.Combine(
                provider.GetRequiredService<IOptions<MementoOptions>>().Value.DataPath, "secrets", "share-links.key"))));
        // ContainerDeletion removes image folders after commit through the host's ImageDirectories (the data path).
        services.AddScoped(provider => new ContainerDeletion(
            provider.GetRequiredService<MementoDbContext>(), provider.GetRequiredService<ImageDirectories>()));
        services.AddMementoGraphQL();
        services.AddOptions<GraphQLServerOptions>().Configure<IOptions<MementoOptions>>((graphql, memento) =>
        {
            graphql.Http.MaxUploadSize = memento.Value.MaxUploadBytes;
            graphql.Execution.RequestTimeout = memento.Value.GraphQLTimeout;
            graphql.Http.UploadDirectory = Path.Combine(memento.Value.DataPath, "uploads", "incoming");
            // Browsers get the product's query page (CodeMirror, app shell) instead of the engine's plain one.
            graphql.Http.QueryPage = Memento.Server.Pages.GraphQL.GraphQLPages.RenderAsync;
            graphql.Subscriptions.OnConnect = Memento.Server.Auth.GraphQLConnectionAuth.OnConnectAsync;
        });
        services.AddSingleton(provider =>
            ResolverGate.Apply(MementoApiSchema.Build(provider.GetRequiredService<IServiceProviderIsService>())));
        return builder;
    }

    public static WebApplication MapMementoApi(this WebApplication app)
    {
        app.MapGraphQL("/graphql");
        return app;
    }
}
