using Memento.GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Memento.GraphQL.Http;

/// <summary>Registers the GraphQL engine and endpoint services.</summary>
public static class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// Adds the executor, the endpoint options and the per-user subscription limiter. Exception details follow the environment (Development only)
    /// unless <see cref="GraphQLServerOptions.ExposeExceptionDetails"/> says otherwise.
    /// </summary>
    public static IServiceCollection AddMementoGraphQL(this IServiceCollection services, Action<GraphQLServerOptions>? configure = null)
    {
        var builder = services.AddOptions<GraphQLServerOptions>();
        if (configure is not null) builder.Configure(configure);
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<GraphQLServerOptions>>().Value;
            var environment = provider.GetService<IHostEnvironment>();
            options.Execution.ExposeExceptionDetails = options.ExposeExceptionDetails ?? environment?.IsDevelopment() ?? false;
            return new GraphQLExecutor(options.Execution, provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>());
        });
        services.TryAddSingleton<SubscriptionLimiter>();
        return services;
    }
}
