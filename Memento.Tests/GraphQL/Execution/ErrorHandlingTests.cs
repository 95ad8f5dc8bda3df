using Memento.GraphQL.Errors;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Types;
using static Memento.Tests.GraphQL.Execution.ExecutionHarness;
using static Memento.Tests.GraphQL.Execution.TestSchemas;

namespace Memento.Tests.GraphQL.Execution;

/// <summary>How resolver failures reach the client: deliberate errors verbatim, accidents as a trace id only.</summary>
public class ErrorHandlingTests
{
    private static readonly GraphQLSchema Schema = Query(q =>
    {
        q.AddField("secret", ScalarType.String, _ => throw new GraphQLException("Not allowed.", "FORBIDDEN"));
        q.AddField("asyncSecret", ScalarType.String, async _ =>
        {
            await Task.Yield();
            throw new GraphQLException("Not allowed later.", "FORBIDDEN");
        });
        q.AddField("crash", ScalarType.String, _ => throw new InvalidOperationException("connection string=secret"));
        q.AddField("badInt", ScalarType.Int, _ => Value("twelve"));
    });

    [Fact]
    public Task A_GraphQLException_keeps_its_message_and_code() =>
        ExpectAsync(Schema, "{ secret asyncSecret }", """
            { 'errors': [
                { 'message': 'Not allowed.', 'locations': [ { 'line': 1, 'column': 3 } ], 'path': [ 'secret' ], 'extensions': { 'code': 'FORBIDDEN' } },
                { 'message': 'Not allowed later.', 'locations': [ { 'line': 1, 'column': 10 } ], 'path': [ 'asyncSecret' ], 'extensions': { 'code': 'FORBIDDEN' } } ],
              'data': { 'secret': null, 'asyncSecret': null } }
            """);

    [Fact]
    public async Task An_unexpected_exception_hides_its_message_outside_development()
    {
        var json = (await ExecuteAsync(Schema, "{ crash }")).ToJson();
        Assert.DoesNotContain("secret", json);
        AssertJson("""
            { 'errors': [ { 'message': 'Unexpected error.', 'locations': [ { 'line': 1, 'column': 3 } ], 'path': [ 'crash' ],
                            'extensions': { 'code': 'INTERNAL_SERVER_ERROR', 'traceId': 'trace-1' } } ],
              'data': { 'crash': null } }
            """, json);
    }

    [Fact]
    public async Task Exception_details_appear_only_when_exposed()
    {
        var result = await ExecuteAsync(Schema, "{ crash }", options: new ExecutionOptions { ExposeExceptionDetails = true });
        Assert.Equal("connection string=secret", result.Errors![0].Message);
    }

    [Fact]
    public Task A_value_the_scalar_cannot_serialize_is_a_field_error() =>
        ExpectAsync(Schema, "{ badInt }", """
            { "errors": [ { "message": "Int cannot represent non-integer value: \"twelve\"", "locations": [ { "line": 1, "column": 3 } ], "path": [ "badInt" ] } ],
              "data": { "badInt": null } }
            """);
}
