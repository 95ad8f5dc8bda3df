using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Memento.Domain.Accounts;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server;

/// <summary>
/// GraphQL over WebSocket on the real host: UseWebSockets is on, and an API token given in connection_init's payload
/// signs the connection in (for clients that cannot set headers on the upgrade), while a wrong one is refused.
/// </summary>
public sealed class GraphQLWebSocketAuthTests : IDisposable
{
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_token_in_the_init_payload_signs_the_connection_in()
    {
        var user = await app.CreateUserAsync("dora", "dora's password");
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateApiTokenAsync(user.Id, "socket");

        using var socket = await ConnectAsync();
        await SendAsync(socket, new { type = "connection_init", payload = new Dictionary<string, object> { ["Authorization"] = "Bearer " + secret } });
        Assert.Equal("""{"type":"connection_ack"}""", await ReceiveAsync(socket));
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = "{ me { username } }" } });
        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"me":{"username":"dora"}}}}""", await ReceiveAsync(socket));
        Assert.Equal("""{"id":"1","type":"complete"}""", await ReceiveAsync(socket));
    }

    [Fact]
    public async Task Without_credentials_the_connection_is_anonymous()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, new { type = "connection_init" });
        Assert.Equal("""{"type":"connection_ack"}""", await ReceiveAsync(socket));
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = "{ me { username } }" } });
        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"me":null}}}""", await ReceiveAsync(socket));
    }

    [Fact]
    public async Task A_wrong_token_in_the_init_payload_closes_the_socket_with_4403()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, new { type = "connection_init", payload = new Dictionary<string, object> { ["Authorization"] = "Bearer mem_not-a-real-token" } });
        var buffer = new byte[256];
        var result = await socket.ReceiveAsync(buffer, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(4403, (int)result.CloseStatus!);
        Assert.Equal("Forbidden", result.CloseStatusDescription);
    }

    private async Task<WebSocket> ConnectAsync()
    {
        var client = app.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        return await client.ConnectAsync(new Uri(app.Server.BaseAddress, "graphql"), CancellationToken.None);
    }

    private static Task SendAsync(WebSocket socket, object message) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<string> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }
}
