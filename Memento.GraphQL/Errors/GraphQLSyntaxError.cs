// https://spec.graphql.org/October2021/#sec-Language
namespace Memento.GraphQL.Errors;

using Memento.GraphQL.Language;

/// <summary>
/// The one error the lexer and parser throw: "Syntax Error: …" at a single position, with its line and column.
/// </summary>
public sealed class GraphQLSyntaxError : GraphQLError
{
    public GraphQLSyntaxError(Source source, int position, string description)
        : base(ErrorMessages.SyntaxError(description), source, [position])
    {
        Description = description;
        Position = position;
    }

    /// <summary>The message without the "Syntax Error: " prefix.</summary>
    public string Description { get; }

    /// <summary>The UTF-16 offset of the error in the source.</summary>
    public int Position { get; }

    /// <summary>The line and column of the error.</summary>
    public SourceLocation Location => Locations![0];
}
