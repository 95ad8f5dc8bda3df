using System.Text.Json;
using Memento.GraphQL.Errors;

namespace Memento.GraphQL.Http;

/// <summary>The close codes of the graphql-transport-ws protocol (graphql-ws PROTOCOL.md).</summary>
internal static class GraphQLWebSocketCloseCodes
{
    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int SubprotocolNotAcceptable = 4406;
    public const int ConnectionInitialisationTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;
    public const int InternalServerError = 4500;
}

/// <summary>
/// One client-to-server message of graphql-transport-ws, checked against the protocol's shapes: anything else is an
/// invalid message, which closes the socket with 4400 and the reason in <see cref="InvalidMessageException"/>.
/// </summary>
internal sealed class GraphQLWebSocketMessage
{
    public const string ConnectionInit = "connection_init";
    public const string ConnectionAck = "connection_ack";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Next = "next";
    public const string Error = "error";
    public const string Complete = "complete";

    public required string Type { get; init; }

    public string? Id { get; init; }

    /// <summary>The payload of init/ping/pong: an object or absent.</summary>
    public Dictionary<string, object?>? Payload { get; init; }

    /// <summary>The operation of a subscribe message.</summary>
    public GraphQLHttpRequest? Request { get; init; }

    public static GraphQLWebSocketMessage Parse(ReadOnlySpan<byte> utf8)
    {
        object? parsed;
        try
        {
            parsed = PlainJson.Parse(utf8);
        }
        catch (JsonException)
        {
            throw new InvalidMessageException(ErrorMessages.WebSocketInvalidMessage);
        }
        if (parsed is not Dictionary<string, object?> message || message.GetValueOrDefault("type") is not string type)
            throw new InvalidMessageException(ErrorMessages.WebSocketInvalidMessage);

        switch (type)
        {
            case ConnectionInit or Ping or Pong:
                return new GraphQLWebSocketMessage { Type = type, Payload = ObjectOrNull(message, "payload", type) };
            case Subscribe:
                var id = RequiredId(message, type);
                if (message.GetValueOrDefault("payload") is not Dictionary<string, object?> payload)
                    throw new InvalidMessageException(ErrorMessages.WebSocketInvalidField(type, "payload", "an object"));
                if (payload.GetValueOrDefault("query") is not string query)
                    throw new InvalidMessageException(ErrorMessages.WebSocketInvalidField(type, "query", "a string"));
                var operationName = payload.GetValueOrDefault("operationName");
                if (operationName is not (null or string))
                    throw new InvalidMessageException(ErrorMessages.WebSocketInvalidField(type, "operationName", "a string or null"));
                return new GraphQLWebSocketMessage
                {
                    Type = type,
                    Id = id,
                    Request = new GraphQLHttpRequest
                    {
                        Query = query,
                        OperationName = (string?)operationName,
                        Variables = ObjectOrNull(payload, "variables", type),
                        Extensions = ObjectOrNull(payload, "extensions", type),
                    },
                };
            case Complete:
                return new GraphQLWebSocketMessage { Type = type, Id = RequiredId(message, type) };
            default:
                // connection_ack, next and error only ever go from the server to the client.
                throw new InvalidMessageException(ErrorMessages.WebSocketUnexpectedType(type.Length > 40 ? type[..40] + "…" : type));
        }
    }

    private static string RequiredId(Dictionary<string, object?> message, string type) =>
        message.GetValueOrDefault("id") is string { Length: > 0 } id
            ? id
            : throw new InvalidMessageException(ErrorMessages.WebSocketInvalidField(type, "id", "a non-empty string"));

    private static Dictionary<string, object?>? ObjectOrNull(Dictionary<string, object?> message, string field, string type) =>
        message.GetValueOrDefault(field) switch
        {
            null => null,
            Dictionary<string, object?> map => map,
            _ => throw new InvalidMessageException(ErrorMessages.WebSocketInvalidField(type, field, "an object or null")),
        };
}

/// <summary>A message the protocol does not allow; its text becomes the 4400 close reason.</summary>
internal sealed class InvalidMessageException(string message) : Exception(message);
