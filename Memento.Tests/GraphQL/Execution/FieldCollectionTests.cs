using Memento.GraphQL.Types;
using static Memento.Tests.GraphQL.Execution.ExecutionHarness;
using static Memento.Tests.GraphQL.Execution.TestSchemas;

namespace Memento.Tests.GraphQL.Execution;

/// <summary>Spec 6.3.2 CollectFields: @skip, @include, fragments, aliases and order.</summary>
public class FieldCollectionTests
{
    private static readonly Dictionary<string, object?> Root = new()
    {
        ["a"] = "A",
        ["b"] = "B",
        ["user"] = new Dictionary<string, object?> { ["name"] = "Ada", ["email"] = "ada@example.org" },
    };

    private static readonly GraphQLSchema Schema = BuildSchema();

    private static GraphQLSchema BuildSchema()
    {
        var user = new ObjectType("User");
        user.AddField("name", ScalarType.String);
        user.AddField("email", ScalarType.String);
        return Query(q =>
        {
            q.AddField("a", ScalarType.String);
            q.AddField("b", ScalarType.String);
            q.AddField("user", user);
        });
    }

    [Theory]
    [InlineData("{ a @skip(if: true) b }", "{ 'data': { 'b': 'B' } }")]
    [InlineData("{ a @include(if: false) b }", "{ 'data': { 'b': 'B' } }")]
    // @skip wins over @include when both apply.
    [InlineData("{ a @include(if: true) @skip(if: true) b }", "{ 'data': { 'b': 'B' } }")]
    [InlineData("{ b a @skip(if: false) }", "{ 'data': { 'b': 'B', 'a': 'A' } }")]
    public Task Skip_and_include_with_literals(string query, string expected) => ExpectAsync(Schema, query, expected, Root);

    [Theory]
    [InlineData(true, "{ 'data': { 'b': 'B' } }")]
    [InlineData(false, "{ 'data': { 'a': 'A', 'b': 'B' } }")]
    public Task Skip_with_a_variable(bool skip, string expected) =>
        ExpectAsync(Schema, "query($s: Boolean!) { a @skip(if: $s) b }", expected, Root, new() { ["s"] = skip });

    [Fact]
    public Task Fragments_and_inline_fragments_merge_into_one_object_in_first_seen_order() =>
        ExpectAsync(Schema, """
            { user { ...Email } user { name ... on User { email } } alias: a }
            fragment Email on User { email }
            """, "{ 'data': { 'user': { 'email': 'ada@example.org', 'name': 'Ada' }, 'alias': 'A' } }", Root);

    [Fact]
    public Task A_skipped_fragment_spread_contributes_nothing() =>
        ExpectAsync(Schema, "{ user { name ...E @include(if: false) } } fragment E on User { email }",
            "{ 'data': { 'user': { 'name': 'Ada' } } }", Root);
}
