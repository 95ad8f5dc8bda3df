using Memento.GraphQL.Utilities;

namespace Memento.Tests.GraphQL.Utilities;

/// <summary>printSchema(buildSchema(sdl)) compared with graphql-js 16's output for the same SDL.</summary>
public class SchemaPrinterTests
{
    public static TheoryData<string, string> Cases => new()
    {
        // custom root names and a schema description
        { "\"\"\"The schema\"\"\"\nschema { query: Root mutation: Mut }\ntype Root { a: String }\ntype Mut { b(x: Int = 3): Int }", "\"\"\"The schema\"\"\"\nschema {\n  query: Root\n  mutation: Mut\n}\n\ntype Root {\n  a: String\n}\n\ntype Mut {\n  b(x: Int = 3): Int\n}" },
        // descriptions as block strings, first in block without blank line
        { "\"\"\"\nA thing.\n  Indented.\n\"\"\"\ntype Query {\n  \"first field\"\n  a: String\n  \"second field\"\n  b(\n    \"an arg\"\n    x: Int = 1\n    y: [String!] = [\"a\", \"b\"]\n  ): Int\n}", "\"\"\"\nA thing.\n  Indented.\n\"\"\"\ntype Query {\n  \"\"\"first field\"\"\"\n  a: String\n\n  \"\"\"second field\"\"\"\n  b(\n    \"\"\"an arg\"\"\"\n    x: Int = 1\n    y: [String!] = [\"a\", \"b\"]\n  ): Int\n}" },
        // deprecations with default and custom reasons
        { "type Query {\n  a: String @deprecated\n  b: String @deprecated(reason: \"Use a\")\n  c(x: Int @deprecated(reason: \"gone\")): Int\n}\nenum E { A B @deprecated C @deprecated(reason: \"no \\\"C\\\"\") }\ninput I { f: Int @deprecated }", "type Query {\n  a: String @deprecated\n  b: String @deprecated(reason: \"Use a\")\n  c(x: Int @deprecated(reason: \"gone\")): Int\n}\n\nenum E {\n  A\n  B @deprecated\n  C @deprecated(reason: \"no \\\"C\\\"\")\n}\n\ninput I {\n  f: Int @deprecated\n}" },
        // interfaces implementing interfaces, unions, extensions
        { "interface Node { id: ID! }\ninterface Resource implements Node { id: ID! url: String }\ntype Image implements Resource & Node { id: ID! url: String width: Int }\ntype Query { node(id: ID!): Node images: [Image!]! }\nunion Any = Image\nextend type Image { height: Int }\nextend union Any = Query", "interface Node {\n  id: ID!\n}\n\ninterface Resource implements Node {\n  id: ID!\n  url: String\n}\n\ntype Image implements Resource & Node {\n  id: ID!\n  url: String\n  width: Int\n  height: Int\n}\n\ntype Query {\n  node(id: ID!): Node\n  images: [Image!]!\n}\n\nunion Any = Image | Query" },
        // custom scalars with specifiedBy, oneOf inputs, directives
        { "scalar DateTime @specifiedBy(url: \"https://scalars.graphql.org/andimarek/date-time\")\nscalar Blob\ninput Pick @oneOf { id: ID name: String }\ninput Filter { after: DateTime, limit: Int = 10, sort: Sort = ASC, pick: Pick = {id: 4}, tags: [String] = \"x\" }\nenum Sort { ASC DESC }\n\"\"\"A directive\"\"\"\ndirective @auth(role: String = \"admin\", \"why\" reason: String) repeatable on FIELD_DEFINITION | OBJECT\ntype Query { search(filter: Filter): [String] @auth, at: DateTime }", "\"\"\"A directive\"\"\"\ndirective @auth(\n  role: String = \"admin\"\n\n  \"\"\"why\"\"\"\n  reason: String\n) repeatable on FIELD_DEFINITION | OBJECT\n\nscalar DateTime @specifiedBy(url: \"https://scalars.graphql.org/andimarek/date-time\")\n\nscalar Blob\n\ninput Pick @oneOf {\n  id: ID\n  name: String\n}\n\ninput Filter {\n  after: DateTime\n  limit: Int = 10\n  sort: Sort = ASC\n  pick: Pick = {id: 4}\n  tags: [String] = [\"x\"]\n}\n\nenum Sort {\n  ASC\n  DESC\n}\n\ntype Query {\n  search(filter: Filter): [String]\n  at: DateTime\n}" },
        // default values of every kind
        { "type Query { f(a: Int = -1, b: Float = 1.5, c: Float = 2, d: String = \"s\\nq\", e: Boolean = false, g: ID = 7, h: ID = \"x\", i: [Int] = null, j: E = B): Int }\nenum E { A B }", "type Query {\n  f(a: Int = -1, b: Float = 1.5, c: Float = 2, d: String = \"s\\nq\", e: Boolean = false, g: ID = 7, h: ID = \"x\", i: [Int] = null, j: E = B): Int\n}\n\nenum E {\n  A\n  B\n}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Prints_built_schemas_exactly_as_graphql_js(string sdl, string expected) =>
        Assert.Equal(expected, SchemaPrinter.Print(SchemaBuilder.BuildSchema(sdl)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Printed_sdl_rebuilds_to_the_same_sdl(string sdl, string expected)
    {
        _ = sdl;
        Assert.Equal(expected, SchemaPrinter.Print(SchemaBuilder.BuildSchema(expected)));
    }
}
