namespace Memento.GraphQL.Errors;

/// <summary>
/// An error a resolver throws on purpose, e.g. "Not allowed." with code FORBIDDEN. Unlike other exceptions, its
/// message and extensions reach the client as they are; the executor adds the path and locations.
/// </summary>
public class GraphQLException : Exception
{
    /// <summary>An error with a message for the client and optional extensions.</summary>
    public GraphQLException(string message, IReadOnlyDictionary<string, object?>? extensions = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Extensions = extensions;
    }

    /// <summary>An error with a machine-readable <c>extensions.code</c>, e.g. FORBIDDEN or NOT_FOUND.</summary>
    public GraphQLException(string message, string code)
        : this(message, new Dictionary<string, object?> { ["code"] = code })
    {
    }

    /// <summary>Written under "extensions" in the error.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }
}
