using Memento.GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.GraphQL.Http;

/// <summary>Maps the GraphQL-over-HTTP endpoint, its query page and the Server-Sent Events stream.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <paramref name="schema"/> at <paramref name="pattern"/> (GET and POST, query page, <c>?sdl</c>, and
    /// WebSocket upgrades with the graphql-transport-ws subprotocol when the host calls <c>app.UseWebSockets()</c>)
    /// and at <c>{pattern}/stream</c> over Server-Sent Events (subscriptions, and queries and mutations as one event).
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern, GraphQLSchema schema) =>
        endpoints.MapGraphQL(pattern, _ => schema);

    /// <summary>Serves the schema registered in DI as a <see cref="GraphQLSchema"/> singleton.</summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql") =>
        endpoints.MapGraphQL(pattern, services => services.GetRequiredService<GraphQLSchema>());

    /// <summary>Serves the schema built once, on first request, by <paramref name="schemaFactory"/>.</summary>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints, string pattern, Func<IServiceProvider, GraphQLSchema> schemaFactory)
    {
        var schema = new Lazy<GraphQLSchema>(() => schemaFactory(endpoints.ServiceProvider));
        var handler = ActivatorUtilities.CreateInstance<GraphQLHttpHandler>(endpoints.ServiceProvider, schema, pattern.TrimEnd('/'));
        var group = endpoints.MapGroup(pattern);
        group.MapGet("/_page/{file}", QueryPageAssets.Serve).ExcludeFromDescription();
        var stream = ActivatorUtilities.CreateInstance<GraphQLSseHandler>(endpoints.ServiceProvider, schema);
        group.Map("/stream", stream.HandleAsync).ExcludeFromDescription();
        // WebSocket upgrades (graphql-transport-ws) share the endpoint's path; they need app.UseWebSockets().
        var webSockets = ActivatorUtilities.CreateInstance<GraphQLWebSocketHandler>(endpoints.ServiceProvider, schema);
        return group.Map("", context => context.WebSockets.IsWebSocketRequest ? webSockets.HandleAsync(context) : handler.HandleAsync(context));
    }
}
