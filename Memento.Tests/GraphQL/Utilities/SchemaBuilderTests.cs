using System.Text.Json;
using Memento.GraphQL.Errors;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;

namespace Memento.Tests.GraphQL.Utilities;

/// <summary>buildSchema: SDL to types, extensions, directives, and the default resolution that makes a root value executable.</summary>
public class SchemaBuilderTests
{
    private const string Sdl = """
        "The API"
        schema { query: Root }
        type Root { image(id: ID!): Image images: [Image!]! search: [Result] }
        interface Node { id: ID! }
        type Image implements Node { id: ID! name: String @deprecated(reason: "use title") }
        extend type Image { title: String }
        type Label implements Node { id: ID! }
        union Result = Image | Label
        enum Status { OPEN CLOSED @deprecated }
        input Filter @oneOf { id: ID status: Status }
        input Page { size: Int = 20 status: Status = OPEN }
        scalar Instant @specifiedBy(url: "https://example.org/instant")
        directive @cost(value: Int!) on FIELD_DEFINITION
        """;

    private static readonly GraphQLSchema Schema = SchemaBuilder.BuildSchema(Sdl);

    [Fact]
    public void Builds_types_from_definitions_and_extensions()
    {
        Assert.Equal("Root", Schema.QueryType!.Name);
        Assert.Equal("The API", Schema.Description);
        var image = Assert.IsType<ObjectType>(Schema.GetType("Image"));
        Assert.Equal(new[] { "id", "name", "title" }, image.Fields.Select(f => f.Name));
        Assert.Equal("use title", image.GetField("name")!.DeprecationReason);
        Assert.True(Schema.IsSubType((NamedType)Schema.GetType("Node")!, image));
        Assert.Equal(new[] { "Image", "Label" }, Schema.GetPossibleTypes((NamedType)Schema.GetType("Node")!).Select(t => t.Name));
        Assert.Equal(Deprecation.DefaultReason, ((EnumType)Schema.GetType("Status")!).GetValue("CLOSED")!.DeprecationReason);
        var filter = (InputObjectType)Schema.GetType("Filter")!;
        Assert.True(filter.IsOneOf);
        Assert.Equal("OPEN", ((InputObjectType)Schema.GetType("Page")!).GetField("status")!.DefaultValue);
        Assert.Equal(20, ((InputObjectType)Schema.GetType("Page")!).GetField("size")!.DefaultValue);
        Assert.Equal("https://example.org/instant", ((ScalarType)Schema.GetType("Instant")!).SpecifiedByUrl);
        Assert.NotNull(Schema.GetDirective("cost"));
        Assert.NotNull(Schema.GetDirective("skip"));
        Assert.Empty(SchemaValidator.Validate(Schema));
    }

    [Fact]
    public void Unknown_types_are_reported_with_their_location()
    {
        var error = Assert.Throws<GraphQLError>(() => SchemaBuilder.BuildSchema("type Query { a: Nope }"));
        Assert.Equal("Unknown type \"Nope\".", error.Message);
        Assert.Equal(1, error.Locations![0].Line);
        Assert.Equal(17, error.Locations[0].Column);
    }

    [Fact]
    public void Extending_an_undefined_type_is_an_error() =>
        Assert.Throws<GraphQLError>(() => SchemaBuilder.BuildSchema("type Query { a: Int } extend type Nope { b: Int }"));

    [Fact]
    public void Default_resolver_reads_json_dictionaries_and_objects_case_insensitively()
    {
        using var json = JsonDocument.Parse("""{ "name": "cells", "tags": ["a", null], "missing": null }""");
        Assert.Equal("cells", ((JsonElement)DefaultFieldResolver.GetMember(json.RootElement, "name")!).GetString());
        Assert.Equal(2, ((IEnumerable<object?>)DefaultFieldResolver.GetMember(json.RootElement, "tags")!).Count());
        Assert.Null(DefaultFieldResolver.GetMember(json.RootElement, "missing"));
        Assert.Equal(3, DefaultFieldResolver.GetMember(new Dictionary<string, object?> { ["n"] = 3 }, "n"));
        Assert.Equal(42, DefaultFieldResolver.GetMember(new { Width = 42 }, "width"));
        Assert.Null(DefaultFieldResolver.GetMember(new { Width = 42 }, "height"));
    }

    [Fact]
    public async Task Default_resolver_calls_delegates_with_the_arguments()
    {
        var root = new Dictionary<string, object?>
        {
            ["double"] = (Func<IReadOnlyDictionary<string, object?>, object?>)(args => (int)args["x"]! * 2),
        };
        var context = new FakeContext(root, "double", new Dictionary<string, object?> { ["x"] = 21 });
        Assert.Equal(42, await DefaultFieldResolver.Instance(context));
    }

    [Fact]
    public void Abstract_types_resolve_from_typename_in_json()
    {
        using var json = JsonDocument.Parse("""{ "__typename": "Label", "id": "1" }""");
        var result = (UnionType)Schema.GetType("Result")!;
        var context = new FakeContext(null, "search", new Dictionary<string, object?>());
        Assert.Equal("Label", AbstractTypeResolver.Resolve(Schema, result, json.RootElement, context)!.Name);
    }

    private sealed class FakeContext(object? source, string fieldName, IReadOnlyDictionary<string, object?> arguments) : IResolveContext
    {
        public object? Source => source;
        public IReadOnlyDictionary<string, object?> Arguments => arguments;
        public IReadOnlyList<object> Path => Array.Empty<object>();
        public string FieldName => fieldName;
        public GraphQLSchema Schema => SchemaBuilderTests.Schema;
        public IServiceProvider Services => throw new NotSupportedException();
        public IDictionary<string, object?> RequestItems { get; } = new Dictionary<string, object?>();
        public CancellationToken CancellationToken => CancellationToken.None;
        public IReadOnlyList<ISelectedField> GetSelectedFields(ObjectType type) => Array.Empty<ISelectedField>();
    }
}
