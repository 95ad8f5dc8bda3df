using Memento.GraphQL.Types;
using static Memento.Tests.GraphQL.Execution.ExecutionHarness;
using static Memento.Tests.GraphQL.Execution.TestSchemas;

namespace Memento.Tests.GraphQL.Execution;

/// <summary>Spec 6.4.4 Handling Field Errors: errors become null at the nearest nullable position, with a path.</summary>
public class NullPropagationTests
{
    private static readonly GraphQLSchema Schema = BuildSchema();

    private static GraphQLSchema BuildSchema()
    {
        var item = new ObjectType("Item");
        item.AddField("id", ScalarType.Int.NonNull());
        item.AddField("nullable", ScalarType.String, _ => throw new InvalidOperationException("boom"));
        item.AddField("nonNull", ScalarType.String.NonNull(), _ => Value(null));
        item.AddField("lateNonNull", ScalarType.String.NonNull(), Later(_ => null));
        return Query(q =>
        {
            q.AddField("item", item, _ => Value(new Dictionary<string, object?> { ["id"] = 1 }));
            q.AddField("requiredItem", item.NonNull(), _ => Value(new Dictionary<string, object?> { ["id"] = 2 }));
            q.AddField("items", item.NonNull().List(), _ => Value(new[] { new Dictionary<string, object?> { ["id"] = 3 }, new Dictionary<string, object?> { ["id"] = 4 } }));
            q.AddField("hello", ScalarType.String, _ => Value("world"));
        });
    }

    [Fact]
    public Task A_failing_nullable_field_is_null_and_its_error_has_path_and_location() =>
        ExpectAsync(Schema, "{ item { id nullable } }", """
            { 'errors': [ { 'message': 'Unexpected error.', 'locations': [ { 'line': 1, 'column': 13 } ], 'path': [ 'item', 'nullable' ],
                            'extensions': { 'code': 'INTERNAL_SERVER_ERROR', 'traceId': 'trace-1' } } ],
              'data': { 'item': { 'id': 1, 'nullable': null } } }
            """);

    [Fact]
    public Task A_null_non_null_field_nulls_its_parent_object() =>
        ExpectAsync(Schema, "{ hello item { id nonNull } }", """
            { 'errors': [ { 'message': 'Cannot return null for non-nullable field Item.nonNull.', 'locations': [ { 'line': 1, 'column': 19 } ], 'path': [ 'item', 'nonNull' ] } ],
              'data': { 'hello': 'world', 'item': null } }
            """);

    [Fact]
    public Task A_null_reaching_a_non_null_root_field_nulls_data() =>
        ExpectAsync(Schema, "{ hello requiredItem { nonNull } }", """
            { 'errors': [ { 'message': 'Cannot return null for non-nullable field Item.nonNull.', 'locations': [ { 'line': 1, 'column': 24 } ], 'path': [ 'requiredItem', 'nonNull' ] } ],
              'data': null }
            """);

    [Fact]
    public Task A_null_in_a_list_of_non_null_items_nulls_the_whole_list_and_is_reported_once() =>
        ExpectAsync(Schema, "{ items { id nonNull } }", """
            { 'errors': [ { 'message': 'Cannot return null for non-nullable field Item.nonNull.', 'locations': [ { 'line': 1, 'column': 14 } ], 'path': [ 'items', 0, 'nonNull' ] } ],
              'data': { 'items': null } }
            """);

    [Fact]
    public Task A_late_null_from_an_async_resolver_still_propagates() =>
        ExpectAsync(Schema, "{ hello item { id lateNonNull } }", """
            { 'errors': [ { 'message': 'Cannot return null for non-nullable field Item.lateNonNull.', 'locations': [ { 'line': 1, 'column': 19 } ], 'path': [ 'item', 'lateNonNull' ] } ],
              'data': { 'hello': 'world', 'item': null } }
            """);
}
