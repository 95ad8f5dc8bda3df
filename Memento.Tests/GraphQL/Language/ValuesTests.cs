// Spec section 2.9, Input Values: https://spec.graphql.org/October2021/#sec-Input-Values
namespace Memento.Tests.GraphQL.Language;

using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

public class ValuesTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("42")]
    [InlineData("-9007199254740993")] // kept as text: the schema's scalar decides the range
    public void Int_values_keep_their_raw_text(string text) =>
        Assert.Equal(text, Assert.IsType<IntValueNode>(SyntaxAssert.ArgumentValue(text)).Value);

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.0")]
    [InlineData("1e10")]
    [InlineData("1E-3")]
    [InlineData("6.0221413e+23")]
    [InlineData("0.1000000000000000055511151231257827")] // no precision lost before coercion
    public void Float_values_keep_their_raw_text(string text) =>
        Assert.Equal(text, Assert.IsType<FloatValueNode>(SyntaxAssert.ArgumentValue(text)).Value);

    [Theory]
    [InlineData("01", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 9)]
    [InlineData("-01", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 10)]
    [InlineData("1.", "Syntax Error: Invalid number, expected digit but got: \")\".", 10)]
    [InlineData("1.0e", "Syntax Error: Invalid number, expected digit but got: \")\".", 12)]
    [InlineData("1e+", "Syntax Error: Invalid number, expected digit but got: \")\".", 11)]
    [InlineData("-", "Syntax Error: Invalid number, expected digit but got: \")\".", 9)]
    // A number may not run into a name or a dot (the spec's lookahead restriction).
    [InlineData("1x", "Syntax Error: Invalid number, expected digit but got: \"x\".", 9)]
    [InlineData("0xF", "Syntax Error: Invalid number, expected digit but got: \"x\".", 9)]
    [InlineData("1_000", "Syntax Error: Invalid number, expected digit but got: \"_\".", 9)]
    [InlineData("1.2.3", "Syntax Error: Invalid number, expected digit but got: \".\".", 11)]
    public void Malformed_numbers_are_reported_at_the_offending_character(string value, string message, int column) =>
        SyntaxAssert.Fails("{ a(x: " + value + ") }", message, 1, column);

    [Theory]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\"\"", "")]
    [InlineData("\" white space \"", " white space ")]
    [InlineData("\"quote \\\"\"", "quote \"")]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\"", "escaped \n\r\b\t\f")]
    [InlineData("\"slashes \\\\ \\/\"", "slashes \\ /")]
    [InlineData("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    // Variable-width escapes, including ones beyond the Basic Multilingual Plane.
    [InlineData("\"\\u{1234}\\u{41}\"", "\u1234A")]
    [InlineData("\"\\u{1F600}\"", "\U0001F600")]
    [InlineData("\"\\u{000041}\"", "A")] // leading zeros are fine while the escape stays short
    // A JSON-style surrogate pair escape forms one code point.
    [InlineData("\"\\uD83D\\uDE00\"", "\U0001F600")]
    // Unescaped non-ASCII, including a supplementary character, is taken as is.
    [InlineData("\"né 😀\"", "né 😀")]
    public void String_values_resolve_escapes(string literal, string expected)
    {
        var value = Assert.IsType<StringValueNode>(SyntaxAssert.ArgumentValue(literal));
        Assert.Equal(expected, value.Value);
        Assert.False(value.Block);
    }

    [Theory]
    [InlineData("\"\\q\"", "Syntax Error: Invalid character escape sequence: \"\\q\".", 9)]
    [InlineData("\"\\u12\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u12\"\".", 9)]
    [InlineData("\"\\u{}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{}\".", 9)]
    [InlineData("\"\\u{110000}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".", 9)]
    // Surrogates are not scalar values: alone, or in braces, they are invalid.
    [InlineData("\"\\u{D800}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{D800}\".", 9)]
    [InlineData("\"\\uD83D\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".", 9)]
    [InlineData("\"\\uDE00\\uD83D\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uDE00\".", 9)]
    [InlineData("\"abc", "Syntax Error: Unterminated string.", 12)]
    [InlineData("\"a\nb\"", "Syntax Error: Unterminated string.", 10)]
    // At most 10 characters between "\u{" and "}" are read (graphql-js), so long zero padding fails.
    [InlineData("\"\\u{0000000041}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{000000004\".", 9)]
    public void Malformed_strings_are_reported(string literal, string message, int column) =>
        SyntaxAssert.Fails("{ a(x: " + literal, message, 1, column);

    [Theory]
    [InlineData("\"\"\"simple\"\"\"", "simple")]
    [InlineData("\"\"\" white space \"\"\"", " white space ")]
    [InlineData("\"\"\"contains \" quote\"\"\"", "contains \" quote")]
    [InlineData("\"\"\"contains \\\"\"\" triple quote\"\"\"", "contains \"\"\" triple quote")]
    [InlineData("\"\"\"multi\nline\"\"\"", "multi\nline")]
    [InlineData("\"\"\"multi\rline\r\nnormalized\"\"\"", "multi\nline\nnormalized")]
    [InlineData("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", "unescaped \\n\\r\\b\\t\\f\\u1234")]
    // BlockStringValue: common indentation and leading/trailing blank lines are removed; the first line keeps its own.
    [InlineData("\"\"\"\n\n    spans\n      multiple\n    lines\n\n\"\"\"", "spans\n  multiple\nlines")]
    [InlineData("\"\"\"  first\n    second\n  third\"\"\"", "  first\n  second\nthird")]
    [InlineData("\"\"\"\n  \t \n\"\"\"", "")]
    [InlineData("\"\"\"\"\"\"", "")]
    public void Block_strings_are_dedented(string literal, string expected)
    {
        var value = Assert.IsType<StringValueNode>(SyntaxAssert.ArgumentValue(literal));
        Assert.Equal(expected, value.Value);
        Assert.True(value.Block);
    }

    [Fact]
    public void An_unterminated_block_string_is_reported_at_the_end()
    {
        SyntaxAssert.Fails("{ a(x: \"\"\"abc) }", "Syntax Error: Unterminated string.", 1, 17);
    }

    [Fact]
    public void Control_characters_are_allowed_in_strings_but_lone_surrogates_are_not()
    {
        // Since October 2021 a SourceCharacter is any Unicode scalar value, control characters included.
        Assert.Equal("a\u0007b", ((StringValueNode)SyntaxAssert.ArgumentValue("\"a\u0007b\"")).Value);
        Assert.Equal("a\u0000b", ((StringValueNode)SyntaxAssert.ArgumentValue("\"\"\"a\u0000b\"\"\"")).Value);
        // (Written here rather than in [InlineData]: test runners mangle lone surrogates in theory data.)
        SyntaxAssert.Fails("{ a(x: \"\uDC00\")", "Syntax Error: Invalid character within String: U+DC00.", 1, 9);
        SyntaxAssert.Fails("{ a(x: \"\"\"a\uD800\"\"\")", "Syntax Error: Invalid character within String: U+D800.", 1, 12);
        SyntaxAssert.Fails("{ a(x: \"\uD83D\uDE00\uD83D\")", "Syntax Error: Invalid character within String: U+D83D.", 1, 11);
    }

    [Theory]
    [InlineData("true", typeof(BooleanValueNode))]
    [InlineData("false", typeof(BooleanValueNode))]
    [InlineData("null", typeof(NullValueNode))]
    [InlineData("RED", typeof(EnumValueNode))]
    [InlineData("True", typeof(EnumValueNode))] // keywords are case-sensitive
    [InlineData("$var", typeof(VariableNode))]
    [InlineData("[]", typeof(ListValueNode))]
    [InlineData("{}", typeof(ObjectValueNode))]
    public void Each_literal_kind_has_its_node(string literal, Type nodeType) =>
        Assert.IsType(nodeType, SyntaxAssert.ArgumentValue(literal));

    [Fact]
    public void Lists_and_objects_nest()
    {
        var value = Assert.IsType<ObjectValueNode>(SyntaxAssert.ArgumentValue("{a: [1, {b: $v}], c: \"s\"}"));
        Assert.Equal(["a", "c"], value.Fields.Select(f => f.Name.Value));
        var list = Assert.IsType<ListValueNode>(value.Fields[0].Value);
        var inner = Assert.IsType<ObjectValueNode>(list.Values[1]);
        Assert.Equal("v", Assert.IsType<VariableNode>(inner.Fields[0].Value).Name.Value);
    }

    [Theory]
    [InlineData("{ a(x: [1, 2) }", "Syntax Error: Unexpected \")\".", 1, 13)]
    [InlineData("{ a(x: {a 1}) }", "Syntax Error: Expected \":\", found Int \"1\".", 1, 11)]
    [InlineData("{ a(x: $) }", "Syntax Error: Expected Name, found \")\".", 1, 9)]
    [InlineData("{ a(x: }", "Syntax Error: Unexpected \"}\".", 1, 8)]
    // Default values are constants: a variable there is named in the message.
    [InlineData("query Q($a: Int = $b) { a }", "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 19)]
    [InlineData("query Q($a: Int = [$b]) { a }", "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 20)]
    [InlineData("query ($a: Int = $) { a }", "Syntax Error: Unexpected \"$\".", 1, 18)]
    [InlineData("query Q($a: Int @d(x: $b)) { a }", "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 23)]
    public void Malformed_values_are_reported(string text, string message, int line, int column) =>
        SyntaxAssert.Fails(text, message, line, column);

    [Fact]
    public void ParseValue_and_ParseConstValue_parse_a_lone_value()
    {
        Assert.IsType<VariableNode>(Parser.ParseValue("$a"));
        Assert.Equal("[1, \"x\", {a: B}]", Printer.Print(Parser.ParseValue("[1 \"x\" {a:B}]")));
        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.ParseConstValue("[$a]"));
        Assert.Equal("Syntax Error: Unexpected variable \"$a\" in constant value.", error.Message);
        error = Assert.Throws<GraphQLSyntaxError>(() => Parser.ParseValue("1 2"));
        Assert.Equal("Syntax Error: Expected <EOF>, found Int \"2\".", error.Message);
    }
}
