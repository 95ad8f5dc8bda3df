using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Memento.GraphQL.Http;

/// <summary>
/// Limits and hooks of the subscription transports: Server-Sent Events at <c>{pattern}/stream</c> and WebSocket
/// (graphql-transport-ws) at <c>{pattern}</c>. Set through <see cref="GraphQLServerOptions.Subscriptions"/>.
/// </summary>
public sealed class GraphQLSubscriptionOptions
{
    private TimeSpan _connectionInitTimeout = TimeSpan.FromSeconds(3);
    private TimeSpan _keepAliveInterval = TimeSpan.FromSeconds(12);
    private int _maxSubscriptionsPerConnection = 100;
    private int _maxSubscriptionsPerUser = 200;

    /// <summary>How long a WebSocket may stay open without <c>connection_init</c> (then close 4408). Default 3 seconds.</summary>
    public TimeSpan ConnectionInitTimeout
    {
        get => _connectionInitTimeout;
        set => _connectionInitTimeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must be positive.");
    }

    /// <summary>
    /// How often an idle connection gets a keep-alive (an SSE comment line, a WebSocket ping), so proxies do not
    /// close it and a vanished client is noticed. Default 12 seconds, as graphql-sse's reference server.
    /// </summary>
    public TimeSpan KeepAliveInterval
    {
        get => _keepAliveInterval;
        set => _keepAliveInterval = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must be positive.");
    }

    /// <summary>Most operations one WebSocket may run at once. Default 100.</summary>
    public int MaxSubscriptionsPerConnection
    {
        get => _maxSubscriptionsPerConnection;
        set => _maxSubscriptionsPerConnection = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must be positive.");
    }

    /// <summary>
    /// Most subscriptions one user (see <see cref="UserKey"/>) may hold at once on this instance, SSE and WebSocket
    /// together; beyond it SSE answers 429 and WebSocket an <c>error</c> message. Default 200.
    /// </summary>
    public int MaxSubscriptionsPerUser
    {
        get => _maxSubscriptionsPerUser;
        set => _maxSubscriptionsPerUser = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "Must be positive.");
    }

    /// <summary>
    /// Who a connection belongs to, for <see cref="MaxSubscriptionsPerUser"/>. Default: the NameIdentifier claim of a
    /// signed-in user, else the remote IP address.
    /// </summary>
    public Func<HttpContext, string> UserKey { get; set; } = DefaultUserKey;

    /// <summary>
    /// Called once per connection before any operation: WebSocket with the <c>connection_init</c> payload, SSE with
    /// null. It may set <see cref="HttpContext.User"/> (e.g. from an <c>Authorization</c> connection parameter);
    /// false refuses the connection (WebSocket close 4403, SSE 403). Null: every connection is accepted.
    /// </summary>
    public Func<HttpContext, IReadOnlyDictionary<string, object?>?, ValueTask<bool>>? OnConnect { get; set; }

    private static string DefaultUserKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? "user:" + id
            : "ip:" + context.Connection.RemoteIpAddress;
}
