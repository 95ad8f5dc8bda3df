using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Memento.GraphQL.Errors;
using Memento.GraphQL.Execution;

namespace Memento.GraphQL.Http;

/// <summary>
/// Writes graphql-transport-ws messages to one socket. A WebSocket allows one send at a time, and the socket is
/// shared by every operation of the connection plus the keep-alive pings, so sends take turns here.
/// </summary>
internal sealed class GraphQLWebSocketSender(WebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private bool _closeSent;

    public Task SendAckAsync(CancellationToken cancellationToken) =>
        SendAsync(writer => writer.WriteString("type", GraphQLWebSocketMessage.ConnectionAck), cancellationToken);

    public Task SendPingAsync(CancellationToken cancellationToken) =>
        SendAsync(writer => writer.WriteString("type", GraphQLWebSocketMessage.Ping), cancellationToken);

    /// <summary>The answer to a ping, echoing its payload as the reference server does.</summary>
    public Task SendPongAsync(IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken) =>
        SendAsync(writer =>
        {
            writer.WriteString("type", GraphQLWebSocketMessage.Pong);
            if (payload is null) return;
            writer.WritePropertyName("payload");
            ResultWriter.WriteValue(writer, payload);
        }, cancellationToken);

    public Task SendNextAsync(string id, ExecutionResult result, CancellationToken cancellationToken) =>
        SendAsync(writer =>
        {
            writer.WriteString("id", id);
            writer.WriteString("type", GraphQLWebSocketMessage.Next);
            writer.WritePropertyName("payload");
            result.WriteTo(writer);
        }, cancellationToken);

    /// <summary>The protocol's error message: the operation's errors as a bare array, ending the operation.</summary>
    public Task SendErrorAsync(string id, IReadOnlyList<GraphQLError> errors, CancellationToken cancellationToken) =>
        SendAsync(writer =>
        {
            writer.WriteString("id", id);
            writer.WriteString("type", GraphQLWebSocketMessage.Error);
            writer.WritePropertyName("payload");
            writer.WriteStartArray();
            foreach (var error in errors) ResultWriter.WriteError(writer, error);
            writer.WriteEndArray();
        }, cancellationToken);

    public Task SendCompleteAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(writer =>
        {
            writer.WriteString("id", id);
            writer.WriteString("type", GraphQLWebSocketMessage.Complete);
        }, cancellationToken);

    /// <summary>
    /// Sends the close frame once (later calls do nothing). The reason is cut to the 123 bytes a close frame holds.
    /// </summary>
    public async Task CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_closeSent || socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
            _closeSent = true;
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, Truncate(reason, 123), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task SendAsync(Action<Utf8JsonWriter> writeMembers, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = ResultWriter.Encoder }))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // After a close frame nothing may follow; a closed socket has nobody left to read.
            if (_closeSent || socket.State != WebSocketState.Open) return;
            await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    private static string Truncate(string reason, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= maxBytes) return reason;
        var end = reason.Length;
        while (end > 0 && Encoding.UTF8.GetByteCount(reason.AsSpan(0, end)) > maxBytes - 3) end--;
        if (end > 0 && char.IsHighSurrogate(reason[end - 1])) end--;
        return reason[..end] + "…";
    }

    public void Dispose() => _turn.Dispose();
}
