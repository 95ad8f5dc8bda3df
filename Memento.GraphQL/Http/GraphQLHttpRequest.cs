namespace Memento.GraphQL.Http;

/// <summary>A GraphQL-over-HTTP request's parameters, read from a JSON body, a query string or a multipart form.</summary>
internal sealed class GraphQLHttpRequest
{
    public string? Query { get; init; }

    public string? OperationName { get; init; }

    /// <summary>Variables as plain values: dictionaries, lists, strings, numbers, booleans, uploaded files.</summary>
    public Dictionary<string, object?>? Variables { get; init; }

    public Dictionary<string, object?>? Extensions { get; init; }
}

/// <summary>A request the endpoint refuses before execution, with the HTTP status and message to send.</summary>
internal sealed class HttpRequestException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
