using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Memento.GraphQL.Http;

// PLACEHOLDER with the contract's shape (docs/subscriptions-contract.md §2); the integrator takes h16-engine's.
public sealed class GraphQLSubscriptionOptions
{
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(12);

    public int MaxSubscriptionsPerConnection { get; set; } = 100;

    public int MaxSubscriptionsPerUser { get; set; } = 200;

    public Func<HttpContext, string> UserKey { get; set; } = context =>
        context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "";

    public Func<HttpContext, IReadOnlyDictionary<string, object?>?, ValueTask<bool>>? OnConnect { get; set; }
}
