using Memento.GraphQL.Execution;
using Memento.GraphQL.Types;
using static Memento.Tests.GraphQL.Execution.ExecutionHarness;
using static Memento.Tests.GraphQL.Execution.TestSchemas;

namespace Memento.Tests.GraphQL.Execution;

/// <summary>Spec 6.1 Executing Requests: choosing the operation, request errors, root values.</summary>
public class OperationTests
{
    private static readonly GraphQLSchema Schema = Query(q =>
    {
        q.AddField("a", ScalarType.String);
        q.AddField("b", ScalarType.String);
    });

    private static readonly Dictionary<string, object?> Root = new() { ["a"] = "A", ["b"] = "B" };

    [Fact]
    public async Task The_named_operation_runs()
    {
        var result = await ExecuteAsync(Schema, "query First { a } query Second { b }", Root, operationName: "Second");
        AssertJson("{ 'data': { 'b': 'B' } }", result.ToJson());
    }

    [Theory]
    [InlineData("query First { a } query Second { b }", null, "Must provide operation name if query contains multiple operations.")]
    [InlineData("query First { a }", "Third", "Unknown operation named \"Third\".")]
    // Validation runs before operation selection, so a document of fragments alone fails there.
    [InlineData("fragment F on Query { a }", null, "Fragment \"F\" is never used.")]
    [InlineData("{ nope }", null, "Cannot query field \"nope\" on type \"Query\".")]
    [InlineData("mutation { a }", null, "Schema is not configured to execute mutation operation.")]
    public async Task Request_errors_have_no_data_entry(string query, string? operationName, string message)
    {
        var result = await ExecuteAsync(Schema, query, Root, operationName: operationName);
        Assert.False(result.HasData);
        Assert.Equal(message, Assert.Single(result.Errors!).Message);
        Assert.DoesNotContain("\"data\"", result.ToJson());
    }

    [Fact]
    public async Task A_syntax_error_is_a_request_error_with_its_location()
    {
        var result = await ExecuteAsync(Schema, "{ a ", Root);
        Assert.False(result.HasData);
        var error = Assert.Single(result.Errors!);
        Assert.StartsWith("Syntax Error:", error.Message);
        Assert.Equal(1, error.Locations![0].Line);
    }

    [Fact]
    public async Task Operations_outside_the_allowed_kinds_are_refused_before_running()
    {
        var ran = false;
        var mutation = new ObjectType("Mutation");
        mutation.AddField("touch", ScalarType.Boolean, _ =>
        {
            ran = true;
            return Value(true);
        });
        var schema = Query(q => q.AddField("a", ScalarType.String), mutation);
        var result = await new GraphQLExecutor().ExecuteAsync(new ExecutionRequest
        {
            Schema = schema,
            Query = "mutation { touch }",
            AllowedOperations = AllowedOperations.Query,
        });
        Assert.True(result.IsOperationNotAllowed);
        Assert.False(ran);
    }

    [Fact]
    public async Task Anonymous_introspection_can_be_switched_off()
    {
        var executor = new GraphQLExecutor(new ExecutionOptions { AllowAnonymousIntrospection = false });
        var anonymous = await executor.ExecuteAsync(new ExecutionRequest { Schema = Schema, Query = "{ __schema { queryType { name } } }", IsAnonymous = true });
        Assert.Equal("GraphQL introspection has been disabled, but the requested query contained the field \"__schema\".", Assert.Single(anonymous.Errors!).Message);
        var signedIn = await executor.ExecuteAsync(new ExecutionRequest { Schema = Schema, Query = "{ __schema { queryType { name } } }" });
        AssertJson("{ 'data': { '__schema': { 'queryType': { 'name': 'Query' } } } }", signedIn.ToJson());
    }

    [Fact]
    public async Task The_same_query_text_is_parsed_once_and_runs_with_each_requests_variables()
    {
        var schema = Query(q => q.AddField("echo", ScalarType.Int, c => Value(c.Arguments["n"]))
            .AddArgument(new ArgumentDefinition("n", ScalarType.Int)));
        var executor = new GraphQLExecutor();
        foreach (var n in new[] { 1, 2 })
        {
            var result = await executor.ExecuteAsync(new ExecutionRequest
            {
                Schema = schema, Query = "query($n: Int) { echo(n: $n) }", Variables = new Dictionary<string, object?> { ["n"] = n },
            });
            AssertJson($"{{ 'data': {{ 'echo': {n} }} }}", result.ToJson());
        }
    }
}
