// Printing an AST back to text (graphql-js print semantics), and round trips.
namespace Memento.Tests.GraphQL.Language;

using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

public class PrinterTests
{
    [Fact]
    public void Prints_a_query_in_graphql_js_layout()
    {
        var printed = Printer.Print(Parser.Parse(
            "query Q($a:Int=1,$b:[String!]!@d){alias:f(x:$a,y:{z:[1,2.5,\"s\",ENUM,null,true]})@skip(if:$b){...F ...on T{g} ...@include(if:true){h}}} fragment F on T@d{i}"));
        Assert.Equal("""
            query Q($a: Int = 1, $b: [String!]! @d) {
              alias: f(x: $a, y: {z: [1, 2.5, "s", ENUM, null, true]}) @skip(if: $b) {
                ...F
                ... on T {
                  g
                }
                ... @include(if: true) {
                  h
                }
              }
            }

            fragment F on T @d {
              i
            }
            """, printed);
    }

    [Fact]
    public void The_anonymous_query_prints_in_short_form()
    {
        Assert.Equal("{\n  a\n}", Printer.Print(Parser.Parse("query { a }")));
        Assert.Equal("query Q {\n  a\n}", Printer.Print(Parser.Parse("query Q { a }")));
        Assert.Equal("mutation {\n  a\n}", Printer.Print(Parser.Parse("mutation { a }")));
    }

    [Fact]
    public void Long_argument_lists_wrap_one_per_line()
    {
        var printed = Printer.Print(Parser.Parse(
            "{ field(argumentNumberOne: \"a long value\", argumentNumberTwo: \"another long value\", three: 3) }"));
        Assert.Equal("""
            {
              field(
                argumentNumberOne: "a long value"
                argumentNumberTwo: "another long value"
                three: 3
              )
            }
            """, printed);
    }

    [Fact]
    public void Strings_print_escaped_and_block_strings_stay_block_strings()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\\u0007\\u0080é\"", Printer.Print(new StringValueNode("a\"b\\c\n\u0007\u0080é")));
        var sdl = "\"\"\"\nMulti-line\n  description\n\"\"\"\ntype T {\n  \"\"\"Field doc\"\"\"\n  f: Int\n}";
        Assert.Equal(sdl, Printer.Print(Parser.Parse(sdl)));
    }

    [Fact]
    public void Prints_every_type_system_definition()
    {
        const string sdl = """
            "Schema doc"
            schema @d {
              query: Q
              mutation: M
            }

            scalar Date @specifiedBy(url: "https://example.com")

            type Dog implements Pet & Node @key {
              "Field doc"
              name(surname: Boolean = false @a): String! @deprecated(reason: "no")
            }

            interface Pet implements Node {
              id: ID!
            }

            union Result = Image | Project

            enum Colour {
              RED @deprecated
              GREEN
            }

            input Filter @oneOf {
              name: String = "x"
              ids: [ID!]
            }

            directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT

            extend schema @d

            extend scalar Date @d

            extend type Dog implements Other @d {
              age: Int
            }

            extend interface Pet @d

            extend union Result = Other

            extend enum Colour {
              BLUE
            }

            extend input Filter {
              more: Int
            }
            """;
        Assert.Equal(sdl, Printer.Print(Parser.Parse(sdl)));
    }

    [Fact]
    public void Field_arguments_with_descriptions_go_one_per_line()
    {
        const string sdl = """
            type T {
              f(
                "doc"
                a: Int
                b: Int
              ): Int
            }
            """;
        Assert.Equal(sdl, Printer.Print(Parser.Parse(sdl)));
    }

    [Theory]
    [InlineData("{ a(s: \"\"\"  leading space\"\"\") }")]
    [InlineData("{ a(s: \"\"\"has \\\"\"\" triple\"\"\") }")]
    [InlineData("{ a(s: \"\"\"line one\n  indented two\"\"\") }")]
    [InlineData("query Q($a: [[Int!]!] = [[1]]) @d { ... { b } }")]
    [InlineData("\"d\" query Q(\"v\" $a: Int) { a }")]
    public void Printed_documents_parse_back_to_the_same_print(string text)
    {
        var once = Printer.Print(Parser.Parse(text));
        var twice = Printer.Print(Parser.Parse(once));
        Assert.Equal(once, twice);
    }

    [Fact]
    public void Block_string_values_survive_a_round_trip()
    {
        // Values a parsed block string can have (BlockStringValue never yields white space only, so that is not
        // here: like graphql-js, the printer does not turn such hand-built nodes into quoted strings).
        string[] values = ["", "a\n\nb", "  indented first\nnext", "trailing \"", "\\", "\"\"\"", "a\tb", "x\n  y\n z"];
        foreach (var value in values)
        {
            var printed = Printer.Print(new StringValueNode(value, block: true));
            var reparsed = Assert.IsType<StringValueNode>(Parser.ParseValue(printed));
            Assert.Equal(value, reparsed.Value);
        }
    }
}
