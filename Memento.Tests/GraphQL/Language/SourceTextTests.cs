// Spec section 2.1, Source Text: https://spec.graphql.org/October2021/#sec-Source-Text
namespace Memento.Tests.GraphQL.Language;

using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

public class SourceTextTests
{
    [Theory]
    // 2.1.1 Unicode: a byte order mark anywhere is ignored, like white space.
    [InlineData("\uFEFF{ a }")]
    [InlineData("{\uFEFFa }")]
    // 2.1.2 White space: tab and space.
    [InlineData("{\ta\t}")]
    // 2.1.3 Line terminators: \n, \r\n and a lone \r.
    [InlineData("{\na\r\nb\rc}")]
    // 2.1.4 Comments run to the end of the line.
    [InlineData("# leading\n{ a # trailing }\n}")]
    // 2.1.5 Commas are insignificant, even in odd places.
    [InlineData(",,{,a,,b,},")]
    public void Ignored_tokens_are_skipped(string text)
    {
        var document = SyntaxAssert.Parses(text);
        Assert.Single(document.Definitions);
    }

    [Theory]
    [InlineData("\u0007", "Syntax Error: Unexpected character: U+0007.", 1, 1)]
    [InlineData("?", "Syntax Error: Unexpected character: \"?\".", 1, 1)]
    [InlineData("{ é }", "Syntax Error: Unexpected character: U+00E9.", 1, 3)]
    [InlineData("{ a(x: 'b') }", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 8)]
    // ".." is not a punctuator; only "..." is.
    [InlineData("..", "Syntax Error: Unexpected character: \".\".", 1, 1)]
    [InlineData("{ a(x: .5) }", "Syntax Error: Unexpected character: \".\".", 1, 8)]
    // The double quote is printed in single quotes so the message stays readable.
    [InlineData("{ a }\n\"", "Syntax Error: Unterminated string.", 2, 2)]
    public void Unknown_characters_are_reported_where_they_are(string text, string message, int line, int column) =>
        SyntaxAssert.Fails(text, message, line, column);

    [Fact]
    public void Surrogates_are_reported_as_code_points()
    {
        // A lone surrogate is not a SourceCharacter at all: graphql-js says "Invalid", not "Unexpected".
        // (Not theory data: test runners mangle lone surrogates there.)
        SyntaxAssert.Fails("\uD800", "Syntax Error: Invalid character: U+D800.", 1, 1);
        SyntaxAssert.Fails("{ \uDC00 }", "Syntax Error: Invalid character: U+DC00.", 1, 3);
        // A valid pair is one code point, and counts as two UTF-16 columns.
        SyntaxAssert.Fails("\uD83D\uDE00", "Syntax Error: Unexpected character: U+1F600.", 1, 1);
        SyntaxAssert.Fails("# \uD83D\uDE00\n{ a(x: \"\uD83D\uDE00\") ? }", "Syntax Error: Unexpected character: \"?\".", 2, 14);
    }

    [Theory]
    // Columns count from the last terminator, whichever of \n, \r\n or \r it was.
    [InlineData("{\n  ?", 2, 3)]
    [InlineData("{\r\n  ?", 2, 3)]
    [InlineData("{\r  ?", 2, 3)]
    [InlineData("{\n\r\n\r?", 4, 1)]
    [InlineData("# comment ?\n?", 2, 1)]
    public void Locations_follow_line_terminators(string text, int line, int column) =>
        SyntaxAssert.Fails(text, "Syntax Error: Unexpected character: \"?\".", line, column);

    [Fact]
    public void Source_computes_line_and_column_of_any_offset()
    {
        var source = new Source("ab\ncd\r\nef");
        Assert.Equal(new SourceLocation(1, 1), source.GetLocation(0));
        Assert.Equal(new SourceLocation(2, 2), source.GetLocation(4));
        Assert.Equal(new SourceLocation(3, 1), source.GetLocation(7));
        Assert.Equal("GraphQL request", source.Name);
    }

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("   ", 1, 4)]
    [InlineData("# only a comment", 1, 17)]
    public void An_empty_document_is_an_unexpected_end_of_file(string text, int line, int column) =>
        SyntaxAssert.Fails(text, "Syntax Error: Unexpected <EOF>.", line, column);

    [Theory]
    // 2.1.9 Names are case-sensitive, may contain digits and underscores after the first character.
    [InlineData("_", "_")]
    [InlineData("a1_B2", "a1_B2")]
    [InlineData("__typename", "__typename")]
    public void Names_keep_their_exact_text(string name, string expected) =>
        Assert.Equal(expected, SyntaxAssert.FirstField("{ " + name + " }").Name.Value);

    [Fact]
    public void Node_locations_span_their_source_text()
    {
        var field = SyntaxAssert.FirstField("{\n  alias: field(arg: 1) @dir\n}");
        Assert.Equal("alias: field(arg: 1) @dir", field.Location!.Value.Text);
        Assert.Equal(new SourceLocation(2, 3), field.Location.Value.StartLocation);
        Assert.Equal("arg: 1", field.Arguments[0].Location!.Value.Text);
    }

    [Fact]
    public void NoLocation_leaves_nodes_without_locations()
    {
        var document = Parser.Parse("{ a(b: [1]) }", new ParserOptions { NoLocation = true });
        Assert.Null(document.Location);
        var field = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0];
        Assert.Null(field.Location);
        Assert.Null(field.Arguments[0].Value.Location);
    }
}
