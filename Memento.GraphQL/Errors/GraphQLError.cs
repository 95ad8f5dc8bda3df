// The error shape of every stage: https://spec.graphql.org/October2021/#sec-Errors
namespace Memento.GraphQL.Errors;

using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

/// <summary>
/// A GraphQL error: a message plus, where known, the source locations, the response path and extensions
/// (graphql-js <c>GraphQLError</c>). Thrown by the parser (as <see cref="GraphQLSyntaxError"/>), returned as a list
/// by validation, and collected beside partial data by execution.
/// </summary>
public class GraphQLError : Exception
{
    /// <summary>Creates an error located at the given nodes (their start positions), like graphql-js.</summary>
    public GraphQLError(
        string message,
        IReadOnlyList<Node>? nodes = null,
        IReadOnlyList<object>? path = null,
        IReadOnlyDictionary<string, object?>? extensions = null,
        Exception? originalError = null)
        : base(message, originalError)
    {
        Nodes = nodes is { Count: > 0 } ? nodes : null;
        Path = path;
        Extensions = extensions ?? (originalError as GraphQLError)?.Extensions;
        Locations = LocationsOf(Nodes);
    }

    /// <summary>Creates an error at explicit positions in a source (used for syntax errors).</summary>
    public GraphQLError(string message, Source source, IReadOnlyList<int> positions)
        : base(message)
    {
        GraphQLSource = source;
        Positions = positions;
        var locations = new SourceLocation[positions.Count];
        for (int i = 0; i < positions.Count; i++) locations[i] = source.GetLocation(positions[i]);
        Locations = locations;
    }

    /// <summary>Shorthand for an error located at one node.</summary>
    public GraphQLError(string message, Node node)
        : this(message, [node])
    {
    }

    /// <summary>The 1-based line/column of each related node; null when none is known.</summary>
    public IReadOnlyList<SourceLocation>? Locations { get; }

    /// <summary>The response path (field names and list indices) for execution errors; else null.</summary>
    public IReadOnlyList<object>? Path { get; }

    /// <summary>Extra data for the client, written under "extensions" in the response.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The AST nodes the error relates to.</summary>
    public IReadOnlyList<Node>? Nodes { get; }

    /// <summary>The source, for errors created from positions.</summary>
    public Source? GraphQLSource { get; }

    /// <summary>The offsets, for errors created from positions.</summary>
    public IReadOnlyList<int>? Positions { get; }

    /// <summary>The exception that caused this error (e.g. thrown by a resolver), if any.</summary>
    public Exception? OriginalError => InnerException;

    /// <summary>A copy of this error at the given response path (used when a resolver error bubbles up).</summary>
    public GraphQLError WithPath(IReadOnlyList<object> path) =>
        new(Message, Nodes, path, Extensions, InnerException);

    /// <summary>"message (line:col, line:col)", handy in test failures and logs.</summary>
    public override string ToString()
    {
        if (Locations is null || Locations.Count == 0) return Message;
        return Message + " (" + string.Join(", ", Locations) + ")";
    }

    private static SourceLocation[]? LocationsOf(IReadOnlyList<Node>? nodes)
    {
        if (nodes is null) return null;
        List<SourceLocation>? locations = null;
        for (int i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Location is { } loc)
            {
                (locations ??= []).Add(loc.StartLocation);
            }
        }
        return locations?.ToArray();
    }
}
