using Memento.GraphQL.Types;
using static Memento.Tests.GraphQL.Execution.ExecutionHarness;
using static Memento.Tests.GraphQL.Execution.TestSchemas;

namespace Memento.Tests.GraphQL.Execution;

/// <summary>Spec 6.1.2 CoerceVariableValues and 6.4.1 CoerceArgumentValues.</summary>
public class CoercionTests
{
    private static readonly EnumType Color = new EnumType("Color").AddValue("RED", 1).AddValue("GREEN", 2);

    private static readonly InputObjectType Filter = CreateFilter();

    private static InputObjectType CreateFilter()
    {
        var filter = new InputObjectType("Filter");
        filter.AddField("name", ScalarType.String.NonNull());
        filter.AddField(new InputFieldDefinition("limit", ScalarType.Int) { DefaultValue = 10 });
        filter.AddField("colors", Color.NonNull().List());
        return filter;
    }

    // echo returns its arguments, printed in a stable form, so each test sees exactly what a resolver receives.
    private static readonly GraphQLSchema Schema = Query(q =>
    {
        q.AddField("echo", ScalarType.String, context => Value(Print(context.Arguments)))
            .AddArgument(new ArgumentDefinition("filter", Filter))
            .AddArgument(new ArgumentDefinition("count", ScalarType.Int) { DefaultValue = 3 })
            .AddArgument(new ArgumentDefinition("color", Color));
    });

    private static string Print(object? value) => value switch
    {
        null => "null",
        string s => '"' + s + '"',
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(", ", map.OrderBy(p => p.Key).Select(p => p.Key + ": " + Print(p.Value))) + "}",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Print)) + "]",
        _ => value.ToString()!,
    };

    [Fact]
    public Task Argument_defaults_apply_when_the_argument_is_omitted() =>
        ExpectAsync(Schema, "{ echo }", """{ "data": { "echo": "{count: 3}" } }""");

    [Fact]
    public Task Literal_input_objects_get_field_defaults_and_enum_internal_values() =>
        ExpectAsync(Schema, """{ echo(filter: { name: "a", colors: [GREEN] }, color: RED) }""",
            """{ "data": { "echo": "{color: 1, count: 3, filter: {colors: [2], limit: 10, name: \"a\"}}" } }""");

    [Fact]
    public Task Variables_are_coerced_with_defaults_and_single_values_become_lists() =>
        ExpectAsync(Schema, "query($f: Filter, $n: Int = 7) { echo(filter: $f, count: $n) }",
            """{ "data": { "echo": "{count: 7, filter: {colors: [1], limit: 10, name: \"b\"}}" } }""",
            variables: new() { ["f"] = new Dictionary<string, object?> { ["name"] = "b", ["colors"] = "RED" } });

    [Fact]
    public Task A_missing_required_variable_is_a_request_error_without_data() =>
        ExpectAsync(Schema, "query($n: Int!) { echo(count: $n) }", """
            { "errors": [ { "message": "Variable \"$n\" of required type \"Int!\" was not provided.", "locations": [ { "line": 1, "column": 7 } ] } ] }
            """);

    [Fact]
    public Task An_invalid_variable_names_the_path_inside_it() =>
        ExpectAsync(Schema, "query($f: Filter) { echo(filter: $f) }", """
            { "errors": [ { "message": "Variable \"$f\" got invalid value { name: \"x\", colors: [\"RED\", \"BLUE\"] } at \"f.colors[1]\"; Value \"BLUE\" does not exist in \"Color\" enum.", "locations": [ { "line": 1, "column": 7 } ] } ] }
            """,
            variables: new() { ["f"] = new Dictionary<string, object?> { ["name"] = "x", ["colors"] = new List<object?> { "RED", "BLUE" } } });

    [Fact]
    public Task An_unknown_input_field_in_a_variable_is_refused() =>
        ExpectAsync(Schema, "query($f: Filter) { echo(filter: $f) }", """
            { "errors": [ { "message": "Variable \"$f\" got invalid value { name: \"x\", nme: 1 }; Field \"nme\" is not defined by type \"Filter\". Did you mean \"name\"?", "locations": [ { "line": 1, "column": 7 } ] } ] }
            """,
            variables: new() { ["f"] = new Dictionary<string, object?> { ["name"] = "x", ["nme"] = 1 } });
}
