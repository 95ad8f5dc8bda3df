// The error shape shared by every stage: https://spec.graphql.org/October2021/#sec-Errors
namespace Memento.Tests.GraphQL.Language;

using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

public class GraphQLErrorTests
{
    [Fact]
    public void An_error_built_from_nodes_carries_their_start_locations()
    {
        var operation = (OperationDefinitionNode)Parser.Parse("query Q {\n  a\n  b: c\n}").Definitions[0];
        var error = new GraphQLError("Conflict.", [operation.SelectionSet.Selections[0], operation.SelectionSet.Selections[1]]);
        Assert.Equal([new SourceLocation(2, 3), new SourceLocation(3, 3)], error.Locations);
        Assert.Equal("Conflict. (2:3, 3:3)", error.ToString());
        Assert.Null(error.Path);
    }

    [Fact]
    public void Nodes_without_locations_give_no_locations()
    {
        var error = new GraphQLError("Oops.", new NameNode("x"));
        Assert.Null(error.Locations);
        Assert.Equal("Oops.", error.ToString());
    }

    [Fact]
    public void Path_extensions_and_original_error_are_kept()
    {
        var cause = new InvalidOperationException("db down");
        var extensions = new Dictionary<string, object?> { ["code"] = "UNAVAILABLE" };
        var error = new GraphQLError("Failed.", path: ["images", 0, "name"], extensions: extensions, originalError: cause);
        Assert.Same(cause, error.OriginalError);
        Assert.Equal(["images", 0, "name"], error.Path!);
        Assert.Equal("UNAVAILABLE", error.Extensions!["code"]);
        var moved = error.WithPath(["other"]);
        Assert.Equal(["other"], moved.Path!);
        Assert.Same(cause, moved.OriginalError);
    }

    [Fact]
    public void Syntax_errors_expose_position_location_and_description()
    {
        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse("{\n  a(b: 01)\n}", new ParserOptions()));
        Assert.Equal("Invalid number, unexpected digit after 0: \"1\".", error.Description);
        Assert.Equal("Syntax Error: " + error.Description, error.Message);
        Assert.Equal(10, error.Position);
        Assert.Equal(new SourceLocation(2, 9), error.Location);
        Assert.Equal([new SourceLocation(2, 9)], error.Locations);
    }
}
