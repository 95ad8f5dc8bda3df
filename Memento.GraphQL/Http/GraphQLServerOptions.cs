using Memento.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace Memento.GraphQL.Http;

/// <summary>Configuration of the GraphQL endpoint, set through <c>AddMementoGraphQL</c>.</summary>
public sealed class GraphQLServerOptions
{
    /// <summary>Execution limits: depth, cost, introspection, exception details.</summary>
    public ExecutionOptions Execution { get; } = new();

    /// <summary>HTTP limits and switches: body size, uploads, status codes, query page.</summary>
    public GraphQLHttpOptions Http { get; } = new();

    /// <summary>The subscription transports (SSE, WebSocket): keep-alive, limits, the connection hook.</summary>
    public GraphQLSubscriptionOptions Subscriptions { get; } = new();

    /// <summary>
    /// Whether exception details appear in errors; when not set, on in the Development environment only.
    /// </summary>
    public bool? ExposeExceptionDetails { get; set; }

    /// <summary>The root value of each request, e.g. built from the HTTP context; null by default.</summary>
    public Func<HttpContext, object?>? RootValue { get; set; }
}

/// <summary>Keys of the request items the endpoint fills for resolvers.</summary>
public static class GraphQLRequestItems
{
    /// <summary>The <see cref="Microsoft.AspNetCore.Http.HttpContext"/> of the request.</summary>
    public const string HttpContext = "Memento.GraphQL.HttpContext";
}
