using System.Net.WebSockets;
using Memento.GraphQL.Errors;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Memento.GraphQL.Http;

/// <summary>
/// GraphQL over WebSocket at the endpoint's own path: an upgrade request offering the <c>graphql-transport-ws</c>
/// subprotocol (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md) becomes one
/// <see cref="GraphQLWebSocketConnection"/>. The host must call <c>app.UseWebSockets()</c>, or upgrade requests never
/// reach here as such. One instance per mapped endpoint.
/// </summary>
internal sealed class GraphQLWebSocketHandler(
    Lazy<GraphQLSchema> schema, GraphQLExecutor executor, IOptions<GraphQLServerOptions> serverOptions,
    SubscriptionLimiter limiter, ILoggerFactory? loggerFactory = null)
{
    public const string Subprotocol = "graphql-transport-ws";

    private readonly ILogger _logger = loggerFactory?.CreateLogger("Memento.GraphQL.WebSocket") ?? NullLogger.Instance;

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(Subprotocol))
        {
            // As the reference server does: accept without a subprotocol and close 4406. A client that offered
            // other subprotocols fails the handshake itself, since none of its offers was chosen.
            using var refused = await context.WebSockets.AcceptWebSocketAsync();
            using var sender = new GraphQLWebSocketSender(refused);
            await sender.CloseAsync(GraphQLWebSocketCloseCodes.SubprotocolNotAcceptable, ErrorMessages.WebSocketSubprotocolNotAcceptable, context.RequestAborted);
            await GraphQLWebSocketConnection.AwaitCloseReplyAsync(refused);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(Subprotocol);
        await new GraphQLWebSocketConnection(socket, context, schema.Value, executor, serverOptions.Value, limiter, _logger).RunAsync();
    }
}
