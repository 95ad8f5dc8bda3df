namespace Memento.Tests.GraphQL.Language;

using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

/// <summary>Shared helpers: parse and assert the whole syntax error (message plus line and column).</summary>
internal static class SyntaxAssert
{
    public static DocumentNode Parses(string text) => Parser.Parse(text);

    public static void Fails(string text, string message, int line, int column, ParserOptions? options = null)
    {
        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse(text, options));
        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation(line, column), error.Location);
    }

    public static T Single<T>(string text) where T : DefinitionNode => Assert.IsType<T>(Assert.Single(Parser.Parse(text).Definitions));

    /// <summary>The first field of the first operation.</summary>
    public static FieldNode FirstField(string text) =>
        Assert.IsType<FieldNode>(Single<OperationDefinitionNode>(text).SelectionSet.Selections[0]);

    /// <summary>The value of the first argument of the first field of "{ f(a: VALUE) }".</summary>
    public static ValueNode ArgumentValue(string valueText) => FirstField("{ f(a: " + valueText + ") }").Arguments[0].Value;
}
