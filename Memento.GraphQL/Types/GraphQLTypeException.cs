namespace Memento.GraphQL.Types;

/// <summary>
/// A value could not be coerced to or from a type (scalar, enum, input object). The executor and the value helpers
/// turn it into a located GraphQLError whose message is this message.
/// </summary>
public sealed class GraphQLTypeException : Exception
{
    public GraphQLTypeException(string message)
        : base(message)
    {
    }
}
