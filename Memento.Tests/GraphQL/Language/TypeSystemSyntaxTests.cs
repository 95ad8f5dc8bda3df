// Spec section 3, Type System (SDL syntax): https://spec.graphql.org/October2021/#sec-Type-System
namespace Memento.Tests.GraphQL.Language;

using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

public class TypeSystemSyntaxTests
{
    [Fact]
    public void Schema_definition_with_description_and_directives()
    {
        var schema = SyntaxAssert.Single<SchemaDefinitionNode>("\"The API\" schema @d { query: Q mutation: M subscription: S }");
        Assert.Equal("The API", schema.Description!.Value);
        Assert.Single(schema.Directives);
        Assert.Equal(
            [(OperationType.Query, "Q"), (OperationType.Mutation, "M"), (OperationType.Subscription, "S")],
            schema.OperationTypes.Select(o => (o.Operation, o.Type.Name.Value)));
    }

    [Fact]
    public void Object_type_with_interfaces_fields_arguments_and_defaults()
    {
        var type = SyntaxAssert.Single<ObjectTypeDefinitionNode>("""
            "A dog"
            type Dog implements & Pet & Node @key(f: "id") {
              "The name"
              name(surname: Boolean = false @a, "arg doc" n: [Int!] = [1]): String! @deprecated
              id: ID!
            }
            """);
        Assert.Equal("A dog", type.Description!.Value);
        Assert.Equal(["Pet", "Node"], type.Interfaces.Select(i => i.Name.Value));
        Assert.Equal("key", Assert.Single(type.Directives).Name.Value);
        var name = type.Fields[0];
        Assert.Equal("The name", name.Description!.Value);
        Assert.Equal("String!", Printer.Print(name.Type));
        Assert.Equal("false", Printer.Print(name.Arguments[0].DefaultValue!));
        Assert.Equal("a", Assert.Single(name.Arguments[0].Directives).Name.Value);
        Assert.Equal("arg doc", name.Arguments[1].Description!.Value);
        Assert.Equal("deprecated", Assert.Single(name.Directives).Name.Value);
    }

    [Fact]
    public void Every_named_type_kind_parses()
    {
        var document = SyntaxAssert.Parses("""
            scalar Date @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")
            interface Node { id: ID! }
            interface Resource implements Node & Other { id: ID! url: String }
            union Result @u = | Image | Project
            enum Colour { "red" RED @deprecated GREEN BLUE }
            input Filter @oneOf { "by name" name: String = "x" @d, ids: [ID!] }
            type Empty
            """);
        Assert.Equal(
            [NodeKind.ScalarTypeDefinition, NodeKind.InterfaceTypeDefinition, NodeKind.InterfaceTypeDefinition,
             NodeKind.UnionTypeDefinition, NodeKind.EnumTypeDefinition, NodeKind.InputObjectTypeDefinition,
             NodeKind.ObjectTypeDefinition],
            document.Definitions.Select(d => d.Kind));
        Assert.Equal(["Node", "Other"], ((InterfaceTypeDefinitionNode)document.Definitions[2]).Interfaces.Select(i => i.Name.Value));
        Assert.Equal(["Image", "Project"], ((UnionTypeDefinitionNode)document.Definitions[3]).Types.Select(t => t.Name.Value));
        var colour = (EnumTypeDefinitionNode)document.Definitions[4];
        Assert.Equal(["RED", "GREEN", "BLUE"], colour.Values.Select(v => v.Name.Value));
        Assert.Equal("red", colour.Values[0].Description!.Value);
        var filter = (InputObjectTypeDefinitionNode)document.Definitions[5];
        Assert.Equal(["name", "ids"], filter.Fields.Select(f => f.Name.Value));
        Assert.Empty(((ObjectTypeDefinitionNode)document.Definitions[6]).Fields);
    }

    [Fact]
    public void Directive_definitions_with_arguments_repeatable_and_locations()
    {
        var directive = SyntaxAssert.Single<DirectiveDefinitionNode>(
            "\"\"\"Doc\"\"\" directive @tag(name: String!) repeatable on | FIELD_DEFINITION | OBJECT | QUERY");
        Assert.Equal("Doc", directive.Description!.Value);
        Assert.True(directive.Repeatable);
        Assert.Equal(["FIELD_DEFINITION", "OBJECT", "QUERY"], directive.Locations.Select(l => l.Value));
        Assert.False(SyntaxAssert.Single<DirectiveDefinitionNode>("directive @a on FIELD").Repeatable);
    }

    [Fact]
    public void Every_extension_kind_parses()
    {
        var document = SyntaxAssert.Parses("""
            extend schema @d { mutation: M }
            extend schema @d
            extend scalar S @d
            extend type T implements I
            extend type T @d
            extend type T { f: Int }
            extend interface I implements J { f: Int }
            extend union U = A
            extend union U @d
            extend enum E { X }
            extend input In { f: Int }
            """);
        Assert.Equal(
            [NodeKind.SchemaExtension, NodeKind.SchemaExtension, NodeKind.ScalarTypeExtension, NodeKind.ObjectTypeExtension,
             NodeKind.ObjectTypeExtension, NodeKind.ObjectTypeExtension, NodeKind.InterfaceTypeExtension,
             NodeKind.UnionTypeExtension, NodeKind.UnionTypeExtension, NodeKind.EnumTypeExtension, NodeKind.InputObjectTypeExtension],
            document.Definitions.Select(d => d.Kind));
    }

    [Theory]
    // An extension must add something.
    [InlineData("extend scalar S", "Syntax Error: Unexpected <EOF>.", 1, 16)]
    [InlineData("extend type T", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("extend interface I", "Syntax Error: Unexpected <EOF>.", 1, 19)]
    [InlineData("extend union U", "Syntax Error: Unexpected <EOF>.", 1, 15)]
    [InlineData("extend enum E", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("extend input I", "Syntax Error: Unexpected <EOF>.", 1, 15)]
    [InlineData("schema { query: Q } extend schema", "Syntax Error: Unexpected <EOF>.", 1, 34)]
    [InlineData("extend directive @d on FIELD", "Syntax Error: Unexpected Name \"directive\".", 1, 8)]
    [InlineData("extend", "Syntax Error: Unexpected <EOF>.", 1, 7)]
    // Enum values cannot be the literal keywords; the error names the token.
    [InlineData("enum E { true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("enum E { A null }", "Syntax Error: Name \"null\" is reserved and cannot be used for an enum value.", 1, 12)]
    [InlineData("directive @d on FIELD | NOPE", "Syntax Error: Unexpected Name \"NOPE\".", 1, 25)]
    [InlineData("directive @d on field", "Syntax Error: Unexpected Name \"field\".", 1, 17)] // locations are upper case
    [InlineData("directive @d", "Syntax Error: Expected \"on\", found <EOF>.", 1, 13)]
    [InlineData("directive d on FIELD", "Syntax Error: Expected \"@\", found Name \"d\".", 1, 11)]
    [InlineData("schema {}", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("schema { query Q }", "Syntax Error: Expected \":\", found Name \"Q\".", 1, 16)]
    [InlineData("schema { other: Q }", "Syntax Error: Unexpected Name \"other\".", 1, 10)]
    [InlineData("type T { f }", "Syntax Error: Expected \":\", found \"}\".", 1, 12)]
    [InlineData("type T { f(a): Int }", "Syntax Error: Expected \":\", found \")\".", 1, 13)]
    [InlineData("type T {}", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("type T implements { f: Int }", "Syntax Error: Expected Name, found \"{\".", 1, 19)]
    [InlineData("union U = ", "Syntax Error: Expected Name, found <EOF>.", 1, 11)]
    [InlineData("input I { f: Int = $v }", "Syntax Error: Unexpected variable \"$v\" in constant value.", 1, 20)]
    [InlineData("type T @d(a: $v) { f: Int }", "Syntax Error: Unexpected variable \"$v\" in constant value.", 1, 14)]
    // Two descriptions: the second string is where a keyword should be.
    [InlineData("\"desc\" \"desc\" type T", "Syntax Error: Unexpected String \"desc\".", 1, 8)]
    public void Malformed_type_system_documents_are_reported(string text, string message, int line, int column) =>
        SyntaxAssert.Fails(text, message, line, column);
}
