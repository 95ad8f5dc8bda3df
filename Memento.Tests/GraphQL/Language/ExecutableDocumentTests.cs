// Spec sections 2.2-2.12: documents, operations, selection sets, fields, arguments, aliases, fragments,
// variables, type references and directives. https://spec.graphql.org/October2021/#sec-Language
namespace Memento.Tests.GraphQL.Language;

using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

public class ExecutableDocumentTests
{
    [Fact]
    public void A_document_holds_operations_and_fragments_in_order()
    {
        var document = SyntaxAssert.Parses("query A { a } fragment F on T { b } mutation B { c } subscription C { d } { e }");
        Assert.Equal(
            [NodeKind.OperationDefinition, NodeKind.FragmentDefinition, NodeKind.OperationDefinition, NodeKind.OperationDefinition, NodeKind.OperationDefinition],
            document.Definitions.Select(d => d.Kind));
        Assert.Equal(
            [OperationType.Query, OperationType.Mutation, OperationType.Subscription, OperationType.Query],
            document.Definitions.OfType<OperationDefinitionNode>().Select(o => o.Operation));
    }

    [Fact]
    public void The_query_shorthand_is_an_anonymous_query()
    {
        var operation = SyntaxAssert.Single<OperationDefinitionNode>("{ a }");
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Null(operation.Name);
        Assert.Empty(operation.VariableDefinitions);
        Assert.Empty(operation.Directives);
    }

    [Fact]
    public void An_operation_has_name_variables_directives_and_selections()
    {
        var operation = SyntaxAssert.Single<OperationDefinitionNode>(
            "query Q($id: ID! = \"1\" @v, $list: [[Int!]]) @op(x: 1) { node(id: $id) { id } }");
        Assert.Equal("Q", operation.Name!.Value);
        var id = operation.VariableDefinitions[0];
        Assert.Equal("id", id.Variable.Name.Value);
        Assert.Equal("ID", Assert.IsType<NamedTypeNode>(Assert.IsType<NonNullTypeNode>(id.Type).Type).Name.Value);
        Assert.Equal("1", Assert.IsType<StringValueNode>(id.DefaultValue).Value);
        Assert.Equal("v", Assert.Single(id.Directives).Name.Value);
        Assert.Equal("[[Int!]]", Printer.Print(operation.VariableDefinitions[1].Type));
        Assert.Equal("op", Assert.Single(operation.Directives).Name.Value);
    }

    [Fact]
    public void Fields_have_alias_arguments_directives_and_sub_selections()
    {
        var field = SyntaxAssert.FirstField("{ pic: picture(size: 64, crop: true) @include(if: $x) { url } }");
        Assert.Equal("pic", field.Alias!.Value);
        Assert.Equal("picture", field.Name.Value);
        Assert.Equal("pic", field.ResponseName);
        Assert.Equal(["size", "crop"], field.Arguments.Select(a => a.Name.Value));
        Assert.Equal("include", Assert.Single(field.Directives).Name.Value);
        Assert.Equal("url", Assert.IsType<FieldNode>(Assert.Single(field.SelectionSet!.Selections)).Name.Value);
    }

    [Fact]
    public void Fragment_spreads_inline_fragments_and_definitions_are_told_apart()
    {
        var document = SyntaxAssert.Parses("{ ...F ... on T { a } ... @d { b } ... { c } } fragment F on T @d { a }");
        var selections = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections;
        Assert.Equal("F", Assert.IsType<FragmentSpreadNode>(selections[0]).Name.Value);
        Assert.Equal("T", Assert.IsType<InlineFragmentNode>(selections[1]).TypeCondition!.Name.Value);
        Assert.Null(Assert.IsType<InlineFragmentNode>(selections[2]).TypeCondition);
        Assert.Single(((InlineFragmentNode)selections[2]).Directives);
        Assert.Null(Assert.IsType<InlineFragmentNode>(selections[3]).TypeCondition);
        var fragment = Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]);
        Assert.Equal("T", fragment.TypeCondition.Name.Value);
        Assert.Single(fragment.Directives);
    }

    [Fact]
    public void Keywords_are_ordinary_names_outside_their_position()
    {
        // "on", "fragment", "query", "true" are valid field, argument and type names.
        var field = SyntaxAssert.FirstField("{ on fragment query(true: null, on: on) { subscription } }");
        Assert.Equal("on", field.Name.Value);
        var operation = SyntaxAssert.Single<OperationDefinitionNode>("query query { a }");
        Assert.Equal("query", operation.Name!.Value);
    }

    [Fact]
    public void Descriptions_are_allowed_on_operations_fragments_and_variables()
    {
        // Working draft (graphql-js 16.15): executable definitions may carry descriptions.
        var document = SyntaxAssert.Parses("\"op\" query Q(\"var\" $a: Int) { a } \"\"\"frag\"\"\" fragment F on T { a }");
        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal("op", operation.Description!.Value);
        Assert.Equal("var", operation.VariableDefinitions[0].Description!.Value);
        Assert.Equal("frag", ((FragmentDefinitionNode)document.Definitions[1]).Description!.Value);
    }

    [Theory]
    [InlineData("{ a }}", "Syntax Error: Unexpected \"}\".", 1, 6)]
    [InlineData("{}", "Syntax Error: Expected Name, found \"}\".", 1, 2)]
    [InlineData("query", "Syntax Error: Expected \"{\", found <EOF>.", 1, 6)]
    [InlineData("query Q", "Syntax Error: Expected \"{\", found <EOF>.", 1, 8)]
    [InlineData("Query { a }", "Syntax Error: Unexpected Name \"Query\".", 1, 1)] // operation types are lower case
    [InlineData("{ ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("{ a(): b }", "Syntax Error: Expected Name, found \")\".", 1, 5)]
    [InlineData("{ a(b) }", "Syntax Error: Expected \":\", found \")\".", 1, 6)]
    [InlineData("{ a: }", "Syntax Error: Expected Name, found \"}\".", 1, 6)]
    [InlineData("{ a @ }", "Syntax Error: Expected Name, found \"}\".", 1, 7)]
    [InlineData("query Q() { a }", "Syntax Error: Expected \"$\", found \")\".", 1, 9)]
    [InlineData("query Q($a) { a }", "Syntax Error: Expected \":\", found \")\".", 1, 11)]
    [InlineData("query Q($a: ) { a }", "Syntax Error: Expected Name, found \")\".", 1, 13)]
    [InlineData("query Q($a: [Int) { a }", "Syntax Error: Expected \"]\", found \")\".", 1, 17)]
    // After a variable definition the parser expects the next one, hence "$".
    [InlineData("query Q($a: Int!!) { a }", "Syntax Error: Expected \"$\", found \"!\".", 1, 17)]
    // A fragment cannot be named "on", and must have a type condition.
    [InlineData("fragment on on T { a }", "Syntax Error: Unexpected Name \"on\".", 1, 10)]
    [InlineData("fragment F { a }", "Syntax Error: Expected \"on\", found \"{\".", 1, 12)]
    [InlineData("fragment F on { a }", "Syntax Error: Expected Name, found \"{\".", 1, 15)]
    // Descriptions: never on the shorthand query, never on extensions.
    [InlineData("\"desc\" { a }", "Syntax Error: Unexpected description, descriptions are not supported on shorthand queries.", 1, 1)]
    [InlineData("\"desc\" extend type A @d", "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 1, 1)]
    [InlineData("{ a } ?", "Syntax Error: Unexpected character: \"?\".", 1, 7)]
    [InlineData("notAKeyword { a }", "Syntax Error: Unexpected Name \"notAKeyword\".", 1, 1)]
    [InlineData("{ a(x: 1) \"s\" }", "Syntax Error: Expected Name, found String \"s\".", 1, 11)]
    public void Malformed_executable_documents_are_reported(string text, string message, int line, int column) =>
        SyntaxAssert.Fails(text, message, line, column);

    [Fact]
    public void ParseType_parses_a_type_reference()
    {
        var type = Assert.IsType<NonNullTypeNode>(Parser.ParseType("[[String!]]!"));
        Assert.Equal("[[String!]]!", Printer.Print(type));
        Assert.Throws<GraphQLSyntaxError>(() => Parser.ParseType("String!!"));
    }
}
