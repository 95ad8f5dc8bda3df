using Memento.GraphQL.Http;
using Memento.GraphQL.Types;
using Memento.Schema.Api;
using Memento.Domain.Data;
using Memento.Domain.Services;
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
        // ContainerDeletion removes image folders after commit, so it needs the data directory only the host knows.
        services.AddScoped(provider => new ContainerDeletion(
            provider.GetRequiredService<MementoDbContext>(),
            provider.GetRequiredService<IOptions<MementoOptions>>().Value.DataPath,
            provider.GetService<ILogger<ContainerDeletion>>(),
            provider.GetRequiredService<Memento.Imaging.Tiles.TileFileCache>().ForgetDirectory));
        services.AddMementoGraphQL();
        services.AddOptions<GraphQLServerOptions>().Configure<IOptions<MementoOptions>>((graphql, memento) =>
        {
            graphql.Http.MaxUploadSize = memento.Value.MaxUploadBytes;
            graphql.Execution.RequestTimeout = memento.Value.GraphQLTimeout;
            graphql.Http.UploadDirectory = Path.Combine(memento.Value.DataPath, "uploads", "incoming");
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
