using Memento.Domain.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Server.Auth;

/// <summary>
/// The subscription transports' connection check (GraphQLSubscriptionOptions.OnConnect): the upgrade or stream
/// request already passed the cookie and bearer-header authentication; a WebSocket client that cannot set headers
/// (a browser script using a token) may instead give <c>Authorization: "Bearer mem_…"</c> in connection_init's
/// payload. A token given there must be valid: a wrong one refuses the connection (WebSocket close 4403).
/// </summary>
public static class GraphQLConnectionAuth
{
    private const string BearerPrefix = "Bearer ";

    public static async ValueTask<bool> OnConnectAsync(HttpContext context, IReadOnlyDictionary<string, object?>? payload)
    {
        var authorization = payload?.GetValueOrDefault("Authorization") ?? payload?.GetValueOrDefault("authorization");
        if (authorization is null) return true;
        if (authorization is not string header || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)) return false;

        // A scope of its own: the upgrade request's scope lives as long as the socket.
        await using var scope = context.RequestServices.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var token = await accounts.AuthenticateApiTokenAsync(header[BearerPrefix.Length..].Trim(), context.RequestAborted);
        if (token is null) return false;
        context.User = MementoClaims.For(token.User, AuthSchemes.ApiToken);
        return true;
    }
}
