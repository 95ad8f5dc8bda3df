using System.Text.Json;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Types;

namespace Memento.Tests.GraphQL.Execution;

/// <summary>Runs documents through the executor and compares whole responses as JSON.</summary>
internal static class ExecutionHarness
{
    public static async Task<ExecutionResult> ExecuteAsync(
        GraphQLSchema schema, string query, object? root = null, Dictionary<string, object?>? variables = null,
        ExecutionOptions? options = null, string? operationName = null, CancellationToken cancellationToken = default)
    {
        var executor = new GraphQLExecutor(options);
        return await executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = schema,
            Query = query,
            RootValue = root,
            Variables = variables,
            OperationName = operationName,
            CancellationToken = cancellationToken,
            // Fixed, so responses with "Unexpected error." can be compared whole.
            TraceId = "trace-1",
        });
    }

    /// <summary>Asserts the response equals <paramref name="expectedJson"/> (whitespace and quote style ignored).</summary>
    public static async Task ExpectAsync(GraphQLSchema schema, string query, string expectedJson, object? root = null,
        Dictionary<string, object?>? variables = null, ExecutionOptions? options = null)
    {
        var result = await ExecuteAsync(schema, query, root, variables, options);
        AssertJson(expectedJson, result.ToJson());
    }

    public static void AssertJson(string expected, string actual)
    {
        var normalizedExpected = Normalize(expected.Replace('\'', '"'));
        var normalizedActual = Normalize(actual);
        Assert.Equal(normalizedExpected, normalizedActual);
    }

    private static string Normalize(string json) =>
        JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, new JsonSerializerOptions { WriteIndented = true });
}
