using Memento.GraphQL.Types;
using static Memento.Tests.GraphQL.Execution.ExecutionHarness;
using static Memento.Tests.GraphQL.Execution.TestSchemas;

namespace Memento.Tests.GraphQL.Introspection;

/// <summary>Spec 4.2 and 4.5: __typename, __schema and __type answered by the executor.</summary>
public class MetaFieldTests
{
    private static readonly GraphQLSchema Schema = BuildSchema();

    private static GraphQLSchema BuildSchema()
    {
        var image = new ObjectType("Image", "A microscopy image.");
        image.AddField("width", ScalarType.Int.NonNull());
        image.AddField(new FieldDefinition("size", ScalarType.Int) { DeprecationReason = "Use width." });
        return Query(q => q.AddField("image", image, _ => Value(new Dictionary<string, object?> { ["width"] = 5 })));
    }

    [Fact]
    public Task Typename_names_the_runtime_object_type() =>
        ExpectAsync(Schema, "{ __typename image { __typename width } }", "{ 'data': { '__typename': 'Query', 'image': { '__typename': 'Image', 'width': 5 } } }");

    [Fact]
    public Task Type_describes_fields_and_hides_deprecated_ones_unless_asked() =>
        ExpectAsync(Schema, """
            { __type(name: "Image") { name kind description
                fields { name type { kind ofType { name } } }
                all: fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }
            """, """
            { 'data': { '__type': { 'name': 'Image', 'kind': 'OBJECT', 'description': 'A microscopy image.',
                'fields': [ { 'name': 'width', 'type': { 'kind': 'NON_NULL', 'ofType': { 'name': 'Int' } } } ],
                'all': [ { 'name': 'width', 'isDeprecated': false, 'deprecationReason': null },
                         { 'name': 'size', 'isDeprecated': true, 'deprecationReason': 'Use width.' } ] } } }
            """);

    [Fact]
    public Task Type_of_an_unknown_name_is_null() =>
        ExpectAsync(Schema, "{ __type(name: \"Nope\") { name } }", "{ 'data': { '__type': null } }");

    [Fact]
    public async Task Schema_lists_every_type_including_introspection_types()
    {
        var result = await ExecuteAsync(Schema, "{ __schema { types { name } } }");
        var json = result.ToJson();
        foreach (var name in new[] { "Query", "Image", "Int", "String", "Boolean", "__Schema", "__Type", "__TypeKind" })
            Assert.Contains($"\"name\":\"{name}\"", json);
        Assert.Null(result.Errors);
    }
}
