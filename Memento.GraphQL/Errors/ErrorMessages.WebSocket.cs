namespace Memento.GraphQL.Errors;

// Texts of the GraphQL-over-WebSocket transport (graphql-transport-ws). Close reasons are limited to 123 bytes.
public static partial class ErrorMessages
{
    public const string WebSocketSubprotocolNotAcceptable = "Subprotocol not acceptable";
    public const string WebSocketInitTimeout = "Connection initialisation timeout";
    public const string WebSocketTooManyInits = "Too many initialisation requests";
    public const string WebSocketUnauthorized = "Unauthorized";
    public const string WebSocketForbidden = "Forbidden";
    public const string WebSocketInternalError = "Internal server error";
    public const string WebSocketInvalidMessage = "Invalid message received";
    public static string WebSocketSubscriberExists(string id) => $"Subscriber for {id} already exists";
    public static string WebSocketMessageTooLarge(long limit) => $"Message is larger than the limit of {limit} bytes";
    public static string WebSocketUnexpectedType(string type) => $"Unexpected message of type {type} received";
    public static string WebSocketInvalidField(string type, string field, string expected) =>
        $"\"{type}\" message expects the '{field}' property to be {expected}";
    public static string TooManySubscriptionsPerConnection(int max) =>
        $"Too many subscriptions on this connection: at most {max} may be active at once; complete one first.";
    public static string TooManySubscriptionsPerUser(int max) =>
        $"Too many subscriptions for this user: at most {max} may be active at once across connections; complete one first.";
}
